using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>The registration certificate (登记证明) of a registered contract and the point that registered it.</summary>
public sealed record CertificatePage(TechContract Contract, string PointName);
