namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

public class PoolOptions
{
    public const string Section = "Finance";

    /// <summary>Working days the bureau has to decide a compensation claim (25 in the reference scheme).</summary>
    public int ClaimReviewWorkingDays { get; set; } = 25;

    /// <summary>Credit codes of the departments that supervise technology finance and read its pages (市地方金融监管局).</summary>
    public List<string> RegulatorDepartments { get; set; } = [];
}
