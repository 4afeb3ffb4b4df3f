using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>Registration rules that change by regulation, bound from the "Contracts" configuration section.</summary>
public class ContractOptions
{
    public const string Section = "Contracts";

    /// <summary>Working days from acceptance to decision (2024 draft rule: 15).</summary>
    public int NormalDays { get; set; } = 15;
    /// <summary>For large (技术交易额 ≥ 500万) or disputed contracts: 30.</summary>
    public int LongDays { get; set; } = 30;
    /// <summary>Days before the due date when an item shows as nearly overdue.</summary>
    public int WarningDays { get; set; } = 3;
    /// <summary>An export of more rows than this runs as a background job (issue 25 §3); a smaller one is answered at once.</summary>
    public int InlineExportRows { get; set; } = 5000;
    public string NumberPattern { get; set; } = RegistrationNumber.DefaultPattern;
    /// <summary>
    /// The single-face Chinese TTF/OTF the PDF certificate is drawn with; empty: Debian's fonts-arphic-gbsn00lp
    /// (<see cref="Certificate.CertificateFont.DefaultFile"/>). A .ttc collection does not work (TOOLCHAIN.md §10).
    /// </summary>
    public string? CertificateFontFile { get; set; }
}
