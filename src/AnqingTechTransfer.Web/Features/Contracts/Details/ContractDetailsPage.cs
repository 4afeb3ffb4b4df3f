using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Details;

/// <summary>A contract with its history, point and files, and what the user may do to it (file, decide).</summary>
public sealed record ContractDetailsPage(TechContract Contract, RegistrationPoint Point, IReadOnlyList<(Guid Id, string Name)> Files,
    bool CanFile, bool CanDecide, DateOnly Today, IReadOnlyDictionary<string, string> FieldNames);
