namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

public class FirstProductOptions
{
    public const string Section = "FirstProducts";

    /// <summary>Credit codes of the departments that keep the demand list and decide recognitions (市经信局).</summary>
    public List<string> DecidingDepartments { get; set; } = [];
}
