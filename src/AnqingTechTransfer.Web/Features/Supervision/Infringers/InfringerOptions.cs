namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

public class InfringerOptions
{
    public const string Section = "Infringers";

    /// <summary>Credit codes of the departments that keep the list (市市场监管局).</summary>
    public List<string> RecordingDepartments { get; set; } = [];
}
