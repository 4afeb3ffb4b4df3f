namespace AnqingTechTransfer.Domain.CodeTables;

public sealed record CodeTableDefinition(string Key, string Title, string Source, IReadOnlyList<(string Code, string Name)> Seed);

/// <summary>The code tables and their first contents, from DOMAIN.md §1.5 and §4.2. The bureau admin edits them later.</summary>
public static class CodeTableCatalog
{
    public const string TechnicalField = "tech-field";
    public const string IpType = "ip-type";
    public const string LegalPersonNature = "legal-person-nature";
    public const string PlanSource = "plan-source";
    public const string SocioEconomicGoal = "socio-economic-goal";
    public const string HnteField = "hnte-field";
    public const string CountryRegion = "country-region";

    /// <summary>
    /// 国别（地区）: the form's 填写说明 asks for the 3-digit code of the customs 国别（地区）代码表 (中国 142, not the ISO 156). Only the
    /// countries and regions technology contracts commonly involve are seeded; the bureau admin adds others from the table,
    /// and 701 国（地）别不详 stands for any other.
    /// </summary>
    public static readonly CodeTableDefinition CountryRegionTable = new(CountryRegion, "国别（地区）",
        "海关总署《国别（地区）代码表》（3位数字代码），《技术合同认定登记表》填写说明规定卖方、买方国别（地区）按此表填写；本表收常用国家和地区，其余可由管理员按该表补充",
        [
            ("142", "中国"), ("110", "中国香港"), ("121", "中国澳门"), ("143", "中国台湾"),
            ("116", "日本"), ("133", "韩国"), ("132", "新加坡"), ("136", "泰国"), ("122", "马来西亚"), ("141", "越南"), ("112", "印度尼西亚"),
            ("129", "菲律宾"), ("111", "印度"), ("137", "土耳其"), ("138", "阿拉伯联合酋长国"), ("131", "沙特阿拉伯"), ("127", "巴基斯坦"),
            ("303", "英国"), ("304", "德国"), ("305", "法国"), ("307", "意大利"), ("309", "荷兰"), ("312", "西班牙"), ("301", "比利时"),
            ("302", "丹麦"), ("315", "奥地利"), ("318", "芬兰"), ("326", "挪威"), ("330", "瑞典"), ("331", "瑞士"), ("306", "爱尔兰"),
            ("327", "波兰"), ("344", "俄罗斯联邦"),
            ("501", "加拿大"), ("502", "美国"), ("429", "墨西哥"), ("410", "巴西"),
            ("601", "澳大利亚"), ("609", "新西兰"), ("244", "南非"),
            ("701", "其他（国别（地区）不详）"),
        ]);

    public static readonly IReadOnlyList<CodeTableDefinition> All =
    [
        new(TechnicalField, "技术领域", "全国技术合同统计 11 个技术领域",
        [
            ("01", "电子信息"), ("02", "先进制造"), ("03", "航空航天"), ("04", "现代交通"), ("05", "生物、医药和医疗器械"),
            ("06", "新材料及其应用"), ("07", "新能源与高效节能"), ("08", "环境保护与资源综合利用"), ("09", "核应用"),
            ("10", "农业"), ("11", "城市建设与社会发展"),
        ]),
        new(IpType, "知识产权类型", "技术合同登记表",
        [
            ("01", "技术秘密"), ("02", "计算机软件著作权"), ("03", "发明专利"), ("04", "实用新型专利"), ("05", "外观设计专利"),
            ("06", "集成电路布图设计专有权"), ("07", "植物新品种权"), ("08", "生物医药新品种"), ("09", "其他知识产权"), ("10", "未涉及知识产权"),
        ]),
        new(LegalPersonNature, "法人性质", "技术合同登记表（买方/卖方性质）",
        [
            ("010", "机关法人"), ("011", "国家级机关"), ("012", "省级机关"), ("013", "市级机关"), ("014", "县级及以下机关"),
            ("020", "事业法人"), ("021", "科研机构"), ("022", "高等院校"), ("023", "医疗卫生机构"), ("024", "其他事业单位"),
            ("030", "社团法人"),
            ("100", "内资企业"), ("110", "国有企业"), ("120", "集体企业"), ("130", "股份合作企业"), ("140", "联营企业"),
            ("150", "有限责任公司"), ("160", "股份有限公司"), ("170", "私营企业"), ("180", "其他内资企业"),
            ("200", "港澳台商投资企业"), ("300", "外商投资企业"), ("400", "自然人"),
        ]),
        new(PlanSource, "计划来源", "技术合同登记表（计划来源）",
        [
            ("01", "国家科技重大专项"), ("02", "国家重点研发计划"), ("03", "国家自然科学基金"), ("04", "其他国家计划"),
            ("05", "部门计划"), ("06", "省级计划"), ("07", "地市县计划"), ("08", "计划外"),
        ]),
        new(SocioEconomicGoal, "社会经济目标", "全国科技成果统计调查制度（待对照正式代码表核实）",
        [
            ("01", "环境保护、生态建设及污染防治"), ("02", "能源生产、分配和合理利用"), ("03", "卫生事业发展"), ("04", "教育事业发展"),
            ("05", "基础设施以及城市和农村规划"), ("06", "社会发展和社会服务"), ("07", "地球和大气层的探索与利用"), ("08", "民用空间探测及开发"),
            ("09", "农林牧渔业发展"), ("10", "促进工业发展"), ("11", "非定向研究"), ("12", "其他民用目标"), ("13", "国防"),
        ]),
        new(HnteField, "高新技术领域", "国家重点支持的高新技术领域（国科发火〔2016〕32号）",
        [
            ("01", "电子信息"), ("02", "生物与新医药"), ("03", "航空航天"), ("04", "新材料"), ("05", "高技术服务"),
            ("06", "新能源与节能"), ("07", "资源与环境"), ("08", "先进制造与自动化"),
        ]),
        CountryRegionTable,
    ];

    public static CodeTableDefinition? Find(string key) => All.FirstOrDefault(t => t.Key == key);
}
