using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>One row of the list and of its Excel export.</summary>
public sealed record ContractRow(Guid Id, string ProjectName, TechContractType Type, string SellerName, string BuyerName, decimal ContractAmount,
    decimal TechAmount, ContractStatus Status, string PointName, DateOnly SignedOn, DateOnly? DueOn, string? RegistrationNumber, bool IsImported,
    DateOnly? AcceptedOn, DateTimeOffset? SubmittedAt = null);
