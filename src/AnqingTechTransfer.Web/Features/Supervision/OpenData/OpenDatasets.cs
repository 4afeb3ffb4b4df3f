namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

public sealed record OpenColumn(string Name, string Type, string Description);

public sealed record OpenDataset(string Name, string Title, string Description, IReadOnlyList<OpenColumn> Columns);

/// <summary>
/// The open datasets and their stable schema, documented on /open-data. Columns are only ever added at the end; a changed
/// meaning is a new column. No person's name, ID number or mobile is ever a column: organizations, places, amounts and
/// counts only; free text (titles, summaries, problems) is scanned before it is served (<see cref="PersonalDataScan"/>).
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
        new("needs", "技术需求", "已发布（或经对接登记合同、已解决）的企业技术需求。不含联系人和电话。",
        [
            new("title", "string", "需求名称"), new("enterprise", "string", "发布单位"), new("region_code", "string", "地区代码"), new("region", "string", "所在地区"),
            new("field_code", "string", "技术领域代码"), new("field", "string", "技术领域"), new("keywords", "string", "关键词（以“、”分隔）"), new("modes", "string", "合作方式"),
            new("summary", "string", "需求简介"), new("budget_min", "decimal", "预算下限（万元），空为未填"), new("budget_max", "decimal", "预算上限（万元），空为不设上限"),
            new("deadline", "date", "需求截止日期"), new("published_on", "date", "发布日期"), new("status", "string", "状态（已发布、已解决）"),
        ]),
        new("results", "科技成果", "已发布的可转化科技成果。不含联系人、电话、研发团队和权利人。",
        [
            new("title", "string", "成果名称"), new("organization", "string", "发布单位"), new("region_code", "string", "地区代码"), new("region", "string", "所在地区"),
            new("field_code", "string", "技术领域代码"), new("field", "string", "技术领域"), new("keywords", "string", "关键词（以“、”分隔）"), new("modes", "string", "合作方式"),
            new("summary", "string", "成果简介"), new("maturity", "integer", "技术成熟度（1至9级）"), new("ip_kind", "string", "知识产权类型"),
            new("price", "decimal", "参考价格（万元），空为面议"), new("published_on", "date", "发布日期"),
        ]),
        new("infringers", "重复侵权、故意侵权企业名录", "市市场监管局公布、在公布期内的重复侵权和故意侵权企业。",
        [
            new("enterprise", "string", "企业名称"), new("credit_code", "string", "统一社会信用代码"), new("kind", "string", "侵权类型"), new("right", "string", "被侵害的权利"),
            new("decision_number", "string", "处理决定文号"), new("authority", "string", "作出决定的机关"), new("decided_on", "date", "决定日期"),
            new("publish_from", "date", "公布起始日期"), new("publish_until", "date", "公布截止日期"),
        ]),
        new("loan-products", "科技金融贷款产品", "合作银行已发布的科技贷款产品。",
        [
            new("bank", "string", "银行"), new("product", "string", "产品名称"), new("kind", "string", "产品类别"), new("rate_min", "decimal", "年利率下限（%）"),
            new("rate_max", "decimal", "年利率上限（%）"), new("amount_min", "decimal", "额度下限（万元）"), new("amount_max", "decimal", "额度上限（万元）"),
            new("term_months", "integer", "期限（月）"), new("requires", "string", "申请条件（所需资质）"),
        ]),
        new("scenarios", "应用场景", "已发布的应用场景（场景机会清单）。不含意向单位的说明。",
        [
            new("title", "string", "场景名称"), new("publisher", "string", "发布单位"), new("region_code", "string", "地区代码"), new("region", "string", "所在地区"),
            new("place", "string", "场景所在地点"), new("problem", "string", "需要解决的问题"), new("deadline", "date", "征集截止日期"), new("status", "string", "状态"),
        ]),
        new("agency-ranking", "技术转移机构年度排名", "市科技局确认发布的技术转移机构年度排名（每年以最近一次确认为准）：在本市落地的技术合同项数和成交额。",
        [
            new("year", "integer", "排名年度"), new("rank", "integer", "名次"), new("agency", "string", "技术转移机构"), new("deals", "integer", "在本市落地的技术合同（项）"),
            new("turnover", "decimal", "在本市落地的技术合同成交额（万元）"), new("confirmed_on", "date", "确认发布日期"),
        ]),
    ];
}
