namespace AnqingTechTransfer.Web.Features.Targets;

public class TargetOptions
{
    public const string Section = "Targets";

    /// <summary>
    /// Credit codes of the municipal departments that set and lock targets with the bureau: the organization department
    /// (市委组织部), which assesses the counties' and parks' leadership on 吸纳.
    /// </summary>
    public List<string> AssessingDepartments { get; set; } = [];
}
