namespace AnqingTechTransfer.Web.Features.Supervision;

public class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Days after a quarter ends by which the lead units' progress reports are due.</summary>
    public int ReportDueDays { get; set; } = 10;
}
