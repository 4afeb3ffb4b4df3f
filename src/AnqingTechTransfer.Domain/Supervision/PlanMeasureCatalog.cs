using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Domain.Supervision;

/// <summary>
/// How a measure's lead unit is named in the plan: the bureau, a municipal department (found by a fragment of its name),
/// every county and park government, or named parks.
/// </summary>
public sealed record MeasureLead(string Display, bool Bureau = false, string? DepartmentNameFragment = null, IReadOnlyList<string>? Regions = null)
{
    public static readonly MeasureLead KeJiJu = new("市科技局", Bureau: true);
    public static readonly MeasureLead Counties = new("各县市区政府，安庆经开区管委会、安庆高新区管委会",
        Regions: AnqingRegions.All.Where(r => r.Code != AnqingRegions.City).Select(r => r.Code).ToList());
    public static readonly MeasureLead Edz = new("安庆经开区管委会", Regions: [AnqingRegions.EconomicDevelopmentZone]);
    public static readonly MeasureLead Htz = new("安庆高新区管委会", Regions: [AnqingRegions.HighTechZone]);
    public static MeasureLead Department(string display, string fragment) => new(display, DepartmentNameFragment: fragment);
}

public sealed record MeasureSeed(int Number, string Chapter, string Title, string Content, IReadOnlyList<MeasureLead> Leads, string CoUnits = "");

/// <summary>
/// The measures of 《安庆市深化科技创新体制机制改革加快科技成果转化应用体系建设行动方案》 with their lead units, as the plan
/// states them (DOMAIN.md §0). Seeded once as the supervision module's task list; the plan runs to 2025-12-31.
/// </summary>
public static class PlanMeasureCatalog
{
    public static readonly DateOnly PlanDeadline = new(2025, 12, 31);

    private const string Reform = "二、破除科技成果转化体制机制障碍";
    private const string Actions = "三、实施科技成果转化专项行动";
    private const string Support = "保障措施";

    private static readonly MeasureLead Jxj = MeasureLead.Department("市经济和信息化局", "经济和信息化局");
    private static readonly MeasureLead Zzb = MeasureLead.Department("市委组织部", "组织部");
    private static readonly MeasureLead Jtj = MeasureLead.Department("市教育体育局", "教育体育局");
    private static readonly MeasureLead Sjj = MeasureLead.Department("市审计局", "审计局");
    private static readonly MeasureLead Zrj = MeasureLead.Department("市自然资源和规划局", "自然资源和规划局");
    private static readonly MeasureLead Jgj = MeasureLead.Department("安庆银保监分局（现国家金融监督管理总局安庆监管分局）", "金融监督管理总局");
    private static readonly MeasureLead Jrj = MeasureLead.Department("市地方金融监管局", "地方金融监督管理局");
    private static readonly MeasureLead Zy = MeasureLead.Department("市中级人民法院", "中级人民法院");
    private static readonly MeasureLead Scj = MeasureLead.Department("市市场监管局", "市场监督管理局");
    private static readonly MeasureLead K = MeasureLead.KeJiJu;
    private static readonly MeasureLead C = MeasureLead.Counties;

    public static readonly IReadOnlyList<MeasureSeed> All =
    [
        new(1, Reform, "推进“三评”改革，支持重点单位科技成果奖励评审", "坚持以科技创新质量、绩效、贡献为核心的评价导向，完善以市场需求为导向的科技成果产出机制，支持重点单位科技成果开展奖励评审。", [K]),
        new(2, Reform, "完善技术合同登记制度，推动“应登尽登”", "完善技术合同登记制度，多点布局技术合同登记站点，推动技术合同“应登尽登”。", [K]),
        new(3, Reform, "建立研发经费投入持续增加机制", "建立研发经费投入持续增加机制，各地应持续加大财政科技投入。", [C]),
        new(4, Reform, "吸纳技术合同成交额纳入领导班子考核", "将吸纳技术合同成交额作为各级政府、园区领导班子年度和任期目标考核指标。", [Zzb]),
        new(5, Reform, "深化市科技计划项目管理改革", "按照市场需求、企业出题、高校院所选题相结合的方式编列市科技计划项目，通过揭榜挂帅、定向委托、研发众包和竞争后补助等方式立项；实施首席专家主审制度，建立评审专家库，完善诚信记录、动态调整、专家回避、评审公示制度；加强过程管控、资金监管、诚信监督和项目验收。", [K]),
        new(6, Reform, "发挥“羚羊”工业互联网平台作用", "组织企业在“羚羊”平台进行线上诊断，推进安庆工业大脑与“羚羊”平台对接合作。", [Jxj]),
        new(7, Reform, "推进产学研深度融合", "推动高校院所与企业联合共建学科实验室（技术中心），对已转化并取得阶段性进展的成果给予持续研发或转化支持。", [K]),
        new(8, Reform, "支持市属高校设立基本科研业务经费", "支持市属高校设立基本科研业务经费。", [Jtj]),
        new(9, Reform, "选派“科技情报员”", "县（市、区）及园区选派“科技情报员”，定点联系高能级研发平台，贴身寻找捕捉成果和开展产学研对接。", [C]),
        new(10, Reform, "推进创新链和产业链“双链融合”", "企业凝练提出技术需求，各县（市、区）、园区择优给予支持，委托高校院所解题；研发团队与企业技术人员“混编”联合攻关。", [C]),
        new(11, Reform, "选认科技特派员，每年选派30名左右“双链融合专员”", "选认科技特派员，组建科技特派团，建设科技特派员创新创业示范基地；每年选派30名左右“双链融合专员”到县域服务。", [K]),
        new(12, Reform, "建立创新尽职免责机制", "高等院校、科研事业单位负责人履行勤勉尽职义务的，免于追究成果定价、资产评估及成果赋权中的决策失误责任；健全审计、监督、检查结果跨部门互认机制。", [Sjj]),
        new(13, Actions, "争创省技术创新中心、重点实验室和工程研究中心", "争创安徽省技术创新中心、省级重点实验室和省级工程研究中心。", [K]),
        new(14, Actions, "共建科技成果转化中心或产业技术研究院", "推动高校院所与各地共建科技成果转化中心或产业技术研究院，依托工业互联网打造创新要素汇聚平台。", [C]),
        new(15, Actions, "保障共建创新平台用地用房", "各地对共建的创新平台保障建设用地需求，提供科研开发、成果转化用房和引进人才住房。", [C]),
        new(16, Actions, "建设科技型企业一站式服务云平台", "组建科技成果交易系统、科技需求对接系统和第三方专业服务机构管理系统。", [K]),
        new(17, Actions, "打造市校合作发展示范样板", "推深做实与浙江大学、合肥工业大学、北京化工大学等合作，共建安庆市长三角未来产业研究院，启动实施一批“揭榜挂帅”科技项目。", [K]),
        new(18, Actions, "依托工大汽车及装备制造产业研究院实施“定向委托”项目", "围绕汽车及装备制造领域，依托安庆市工大汽车及装备制造产业研究院申报实施若干“定向委托”科研项目。", [MeasureLead.Edz]),
        new(19, Actions, "推动北京化工大学安庆研究院培育为省中试基地", "推动北京化工大学安庆研究院在高端光固化材料、绿色催化材料等领域的成果研发及中试放大，力争培育成安徽省科技成果中试基地。", [MeasureLead.Htz]),
        new(20, Actions, "建立与大院大所稳定合作机制", "各县（市、区）、园区建立与1个主导大院大所稳定合作、多个大院大所联动对接的合作机制。", [C]),
        new(21, Actions, "企业承担科技攻关计划比例不低于70%", "放宽一个项目周期内企业申报省市科技计划（专项）数量限制，企业承担科技攻关计划（专项）比例原则上不低于70%。", [K]),
        new(22, Actions, "每年选派不少于10名工业互联网服务专员", "每年从高校院所和数字化领军企业中选派不少于10名工业互联网服务专员，推动“专精特新”企业数字化转型。", [Jxj]),
        new(23, Actions, "“三首”研制需求清单与推广应用指导目录", "适时调整“三首”研制需求清单，按年度发布“三首”产品推广应用指导目录，对“三首”产品采取首购、订购等方式采购。", [Jxj]),
        new(24, Actions, "争取开展高新技术企业“报备制”试点", "争取开展高新技术企业“报备制”试点。", [K]),
        new(25, Actions, "依托科技领军企业组建创新联合体", "依托科技领军企业组建体系化、任务型创新联合体。", [K]),
        new(26, Actions, "保障研发总部科研用地和保障性租赁住房", "对引进的省外领军企业设立研发总部、区域研发中心等按科研用地给予保障；优先支持十大新兴产业企业建设宿舍型保障性租赁住房。", [Zrj]),
        new(27, Actions, "建设高水平新型研发机构", "实行“研究院+运营公司+基金”、多元化投入团队持股的混合所有制等模式，建设新型研发机构。", [K]),
        new(28, Actions, "建设中试基地、孵化载体和研发飞地", "建设不少于2个产业化基地，发展众创空间、孵化器、大学科技园，布局人才飞地、研发飞地。", [K, C]),
        new(29, Actions, "创建国家高新技术产业开发区", "支持安庆高新区创建国家高新技术产业开发区。", [MeasureLead.Htz]),
        new(30, Actions, "建设场景促进中心", "各地建设场景促进中心，发布应用场景，促进新技术新产品示范应用。", [C]),
        new(31, Actions, "建设安徽科技大市场安庆分市场", "建设安徽科技大市场安庆分市场，支持高校院所设立技术转移机构。", [K]),
        new(32, Actions, "技术转移机构年度排名", "按在我市落地转化的成果数量和交易额对技术转移机构进行年度排名。", [K]),
        new(33, Actions, "发展科技金融", "支持商业银行设立科技金融专营机构或科技支行，开发科技研发贷、成果转化贷、人才贷等信贷产品，推广研发保险、成果转化保险。", [Jgj]),
        new(34, Actions, "设立科技贷款风险补偿资金池", "设立科技贷款风险补偿资金池，对合作银行科技贷款损失给予补偿。", [K]),
        new(35, Actions, "开展银行考核评价和上市培育", "开展银行支持科技创新考核评价，加强北交所等上市后备企业培育。", [Jrj]),
        new(36, Actions, "设立省科技成果转化引导基金安庆二期子基金", "设立省科技成果转化引导基金安庆二期子基金，投向初创期企业的比例不低于50%。", [K]),
        new(37, Support, "知识产权纠纷调解司法确认", "建立知识产权纠纷调解协议司法确认机制。", [Zy]),
        new(38, Support, "公布重复侵权、故意侵权企业名录", "建立重复侵权、故意侵权企业名录社会公布制度，完善新业态新领域保护制度，加强PCT专利布局。", [Scj]),
        new(39, Support, "高校年度成果转化报告与科技成果转化指数", "高校院所按规定报送科技成果转化情况报告；对科技成果转化情况进行信息采集、统计分析，动态发布全市科技成果转化指数。", [K]),
        new(40, Support, "选派年轻干部到高校院所跟班学习", "从发展改革、科技、经济和信息化等部门以及园区、企业选派年轻干部到高校院所、科研机构跟班学习，开展政策宣传、需求对接和难题帮办。", [Zzb]),
    ];
}
