namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>The public check of a certificate: what was typed, whether it was checked, and the match (null: none).</summary>
public sealed record VerifyPage(string? Number, string? Code, bool Checked, VerifiedContract? Found);
