namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

public class CommissionerOptions
{
    public const string Section = "Commissioners";

    /// <summary>
    /// Credit codes of the municipal department that leads the 工业互联网服务专员 (the plan: 市经济和信息化局 leads the at
    /// least 10 a year): it reads the city's commissioners and registers and keeps those of that kind.
    /// </summary>
    public List<string> IndustrialInternetLeads { get; set; } = [];
}
