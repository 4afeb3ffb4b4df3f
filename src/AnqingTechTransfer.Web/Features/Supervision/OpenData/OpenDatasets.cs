namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

public sealed record OpenColumn(string Name, string Type, string Description);

public sealed record OpenDataset(string Name, string Title, string Description, IReadOnlyList<OpenColumn> Columns);

/// <summary>
/// The open datasets and their stable schema, documented on /open-data. Columns are only ever added at the end; a changed
/// meaning is a new column. No person's name, ID number or mobile is ever a column: organizations, places, amounts and
/// counts only.
/// </summary>
public static class OpenDatasets
{
    public const int SchemaVersion = 1;

    /// <summary>An aggregate of fewer contracts than this publishes no amount (issue 24 §7): one or two would reveal a contract's.</summary>
    public const int MinContractsPerCell = 3;

    /// <summary>Whether a cell of <paramref name="contracts"/> contracts (a month's net change may be 0 or negative) keeps its amounts back.</summary>
    public static bool Suppressed(int contracts) => Math.Abs(contracts) < MinContractsPerCell;

    public static readonly IReadOnlyList<OpenDataset> All =
    [
        new("contract-stats", "技术合同登记统计", "按登记月份、卖方和买方所在县（市、区）或园区汇总的已登记技术合同（含省系统导入的吸纳合同）。",
        [
            new("month", "string (yyyy-MM)", "登记月份（北京时间）"), new("seller_region_code", "string", "卖方所在地区代码，空为市外"),
            new("seller_region", "string", "卖方所在地区"), new("buyer_region_code", "string", "买方所在地区代码，空为市外"), new("buyer_region", "string", "买方所在地区"),
            new("contracts", "integer", "合同数（项）"), new("contract_amount", "decimal", "成交额（万元）"), new("tech_amount", "decimal", "技术交易额（万元）"),
            new("registered_elsewhere", "boolean", "true：外地登记、经省系统导入的合同，只计入买方所在地的吸纳，不计入本市成交额"),
            new("suppressed", "boolean", "true：该格合同少于3项（或当月净变动少于3项），成交额和技术交易额不予公开（为空），以免推算单项合同金额"),
        ]),
        new("problems", "揭榜挂帅榜单", "已发布到榜单的企业技术难题及其揭榜状态。",
        [
            new("title", "string", "难题名称"), new("enterprise", "string", "发榜企业"), new("region_code", "string", "地区代码"), new("region", "string", "所在地区"),
            new("own_funds", "decimal", "企业自筹投入（万元）"), new("deadline", "date", "揭榜截止日期"), new("status", "string", "状态"),
        ]),
        new("awards", "市科技计划立项项目", "已立项的市科技计划项目。",
        [
            new("title", "string", "项目名称"), new("mode", "string", "立项方式"), new("region_code", "string", "承担单位所在地区代码"), new("region", "string", "承担单位所在地区"),
            new("award", "decimal", "市财政支持（万元）"), new("starts_on", "date", "开始日期"), new("ends_on", "date", "结束日期"), new("status", "string", "状态"),
        ]),
        new("first-products-catalog", "三首产品推广应用目录", "按年度发布的首台套、首批次、首版次产品推广应用目录。",
        [
            new("year", "integer", "目录年度"), new("kind", "string", "类别"), new("product", "string", "产品名称"), new("model", "string", "型号规格"),
            new("enterprise", "string", "研制企业"), new("region", "string", "所在地区"),
        ]),
        new("carriers", "创新平台与载体名录", "已登记、未撤销的创新平台与载体。",
        [
            new("name", "string", "名称"), new("type", "string", "类型"), new("level", "string", "级别"), new("host", "string", "依托单位"),
            new("region_code", "string", "地区代码"), new("region", "string", "所在地区"), new("recognition_year", "integer", "认定年度"), new("status", "string", "状态"),
        ]),
        new("transfer-index", "科技成果转化指数", "已发布（未被更正替代）的科技成果转化指数，按期间和地区。",
        [
            new("period", "string", "期间（yyyy 或 yyyyQn）"), new("region_code", "string", "地区代码"), new("region", "string", "地区"),
            new("index", "decimal", "指数"), new("normalisation", "string", "标准化方法"), new("published_at", "date", "发布日期"),
        ]),
    ];
}
