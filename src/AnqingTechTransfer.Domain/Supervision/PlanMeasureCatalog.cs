using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Domain.Supervision;

/// <summary>
/// How a measure's lead unit is named in the plan: the bureau, a municipal department (found by a fragment of its name),
/// every county and park government, or named parks.
/// </summary>
public sealed record MeasureLead(string Display, bool Bureau = false, string? DepartmentNameFragment = null, IReadOnlyList<string>? Regions = null,
    string? OrganizationName = null)
{
    public static readonly MeasureLead KeJiJu = new("市科技局", Bureau: true);
    public static readonly MeasureLead Counties = new("各县市区政府，安庆经开区管委会、安庆高新区管委会",
        Regions: AnqingRegions.All.Where(r => r.Code != AnqingRegions.City).Select(r => r.Code).ToList());
    public static readonly MeasureLead Edz = new("安庆经开区管委会", Regions: [AnqingRegions.EconomicDevelopmentZone]);
    public static readonly MeasureLead Htz = new("安庆高新区管委会", Regions: [AnqingRegions.HighTechZone]);

    /// <summary>A municipal department: found on the portal by a fragment of its name, created under its full name when missing.</summary>
    public static MeasureLead Department(string display, string fragment, string organizationName) =>
        new(display, DepartmentNameFragment: fragment, OrganizationName: organizationName);
}

public sealed record MeasureSeed(int Number, string Chapter, string Title, string Content, IReadOnlyList<MeasureLead> Leads, string CoUnits = "");

/// <summary>
/// The measures of 《安庆市深化科技创新体制机制改革加快科技成果转化应用体系建设行动方案》 (the plan's text is
/// docs/plan/action-plan.txt): every sentence group the plan closes with its lead units in brackets (（…牵头）/（…负责）) is a
/// measure whose content is the plan's own words and whose leads are the units the bracket names (a group may be split into
/// two measures, each with the bracket's leads). Numbers are the measures' stable keys: 1–40 are those seeded first (their
/// numbers are kept, reports and links name them), 41 on are the plan's sentences the first table left out. A test reads
/// the plan and checks every bracket has its measures with its units. The plan runs to 2025-12-31.
/// </summary>
public static class PlanMeasureCatalog
{
    public const int FirstPeriodStart = 2021;
    public const int FirstPeriodEnd = 2025;
    public static readonly DateOnly PlanDeadline = new(2025, 12, 31);

    private const string Reform = "二、破除科技成果转化体制机制障碍";
    private const string Actions = "三、实施科技成果转化专项行动";
    private const string Support = "保障措施";

    private static readonly MeasureLead Jxj = MeasureLead.Department("市经济和信息化局", "经济和信息化局", "安庆市经济和信息化局");
    private static readonly MeasureLead Zzb = MeasureLead.Department("市委组织部", "组织部", "中共安庆市委组织部");
    private static readonly MeasureLead Jtj = MeasureLead.Department("市教育体育局", "教育体育局", "安庆市教育体育局");
    private static readonly MeasureLead Sjj = MeasureLead.Department("市审计局", "审计局", "安庆市审计局");
    private static readonly MeasureLead Zrj = MeasureLead.Department("市自然资源和规划局", "自然资源和规划局", "安庆市自然资源和规划局");
    private static readonly MeasureLead Jgj = MeasureLead.Department("安庆银保监分局（现国家金融监督管理总局安庆监管分局）", "金融监督管理总局", "国家金融监督管理总局安庆监管分局");
    private static readonly MeasureLead Jrj = MeasureLead.Department("市地方金融监管局", "地方金融监督管理局", "安庆市地方金融监督管理局");
    private static readonly MeasureLead Czj = MeasureLead.Department("市财政局", "财政局", "安庆市财政局");
    private static readonly MeasureLead Zy = MeasureLead.Department("市中级人民法院", "中级人民法院", "安徽省安庆市中级人民法院");
    private static readonly MeasureLead Scj = MeasureLead.Department("市市场监管局", "市场监督管理局", "安庆市市场监督管理局");
    private static readonly MeasureLead K = MeasureLead.KeJiJu;
    private static readonly MeasureLead C = MeasureLead.Counties;

    /// <summary>The municipal departments that lead measures (each is created on the portal, without users, when missing).</summary>
    public static IReadOnlyList<MeasureLead> Departments => All.SelectMany(m => m.Leads).Where(l => l.DepartmentNameFragment is not null).Distinct().ToList();

    /// <summary>Where a measure stands in the plan's order (measures added by hand, unknown to the catalog, come last by number).</summary>
    public static int OrderOf(int number) => All.Select((m, i) => (m.Number, i)).FirstOrDefault(x => x.Number == number) is { Number: > 0 } hit ? hit.i : 1000 + number;

    /// <summary>The measures in the plan's order (numbers 41 on stand where the plan puts them).</summary>
    public static readonly IReadOnlyList<MeasureSeed> All =
    [
        new(1, Reform, "推进“三评”改革，支持重点单位科技成果奖励评审",
            "完善评价机制。落实中央部署，推进“三评”改革，坚持以科技创新质量、绩效、贡献为核心的评价导向，全面准确评价科技成果的科学、技术、经济、社会、文化价值。完善以市场需求为导向的科技成果产出机制，支持重点单位科技成果开展奖励评审。", [K]),
        new(2, Reform, "完善技术合同登记制度，推动“应登尽登”",
            "完善技术合同登记制度，多点布局技术合同登记站点，推动技术合同“应登尽登”。", [K]),
        new(3, Reform, "建立研发经费投入持续增加机制",
            "改革考核机制。建立研发经费投入持续增加机制，各地应持续加大财政科技投入。", [C]),
        new(4, Reform, "吸纳技术合同成交额纳入领导班子考核",
            "将吸纳技术合同成交额作为各级政府、园区领导班子年度和任期目标考核指标。", [Zzb]),
        new(5, Reform, "深化市科技计划项目管理改革",
            "改革市科技计划项目立项方式，按照市场需求、企业出题、高校院所选题相结合的方式，编列市科技计划项目，通过揭榜挂帅、定向委托、研发众包和竞争后补助等方式分类给予立项。对市科技计划项目，实施首席专家主审制度，建立市科技评审专家库，完善评审专家诚信记录、动态调整、专家回避、评审公示制度。规范科技计划项目实施管理，加强市科技计划项目过程管控、资金监管、诚信监督和项目验收。", [K]),
        new(6, Reform, "发挥“羚羊”工业互联网平台作用",
            "充分发挥“羚羊”工业互联网等平台作用，推动研发资源与企业需求精准高效对接，组织企业在“羚羊”平台进行线上诊断，找出企业数字化转型中的痛点和难点，加速企业数字化转型步伐。推进安庆工业大脑与“羚羊”工业互联网平台开展对接合作，力争将安庆工业大脑打造成“羚羊”平台落地城市的标杆。", [Jxj]),
        new(7, Reform, "推进产学研深度融合",
            "加快推进产学研深度融合。推动高校院所与企业联合共建学科实验室（技术中心）等，引导高校院所科技人员针对企业技术难题长期稳定开展研究，提升企业研发能力，改善高校办学条件。对高校院所科研团队已转化的科技成果并取得阶段性进展，给予持续研发或转化支持。", [K]),
        new(8, Reform, "支持市属高校设立基本科研业务经费",
            "支持市属高校设立基本科研业务经费。", [Jtj]),
        new(9, Reform, "选派“科技情报员”",
            "县（市、区）及园区选派“科技情报员”，定点联系高能级研发平台，贴身寻找捕捉成果和开展产学研对接。", [C]),
        new(10, Reform, "推进创新链和产业链“双链融合”",
            "推进创新链和产业链“双链融合”，企业凝练提出技术需求，各县（市、区）、园区择优给予支持，委托高校院所解题；高校院所通过内部“揭榜挂帅”等方式，确定研发团队与企业技术人员“混编”联合开展科研攻关，履行技术合作协议。", [C]),
        new(11, Reform, "选认科技特派员，每年选派30名左右“双链融合专员”",
            "选认科技特派员，组建科技特派团，建设科技特派员创新创业示范基地。每年选派30名左右产业链与创新链“双链融合专员”，到县域帮助企业开展技术需求挖掘、对接高校院所和领军企业科技资源和人才团队，服务乡村振兴二、三产业发展。", [K]),
        new(12, Reform, "建立创新尽职免责机制",
            "建立创新尽职免责机制。在科技成果转化过程中，高等院校、科研事业单位负责人履行勤勉尽职义务，严格执行决策、公示等管理制度，在没有牟取非法利益的前提下，免于追究其在科技成果定价、自主决定资产评估以及成果赋权中的相关决策失误责任。健全审计、监督、检查结果跨部门互认机制。", [Sjj]),
        new(13, Actions, "争创省技术创新中心、重点实验室和工程研究中心",
            "争创安徽省技术创新中心、省级重点实验室和省级工程研究中心。", [K]),
        new(14, Actions, "共建科技成果转化中心或产业技术研究院",
            "推动高校院所与各地共建科技成果转化中心或产业技术研究院，依托工业互联网，打造汇聚各类创新要素的优势平台。", [C]),
        new(15, Actions, "保障共建创新平台用地用房",
            "各地对共建的创新平台保障建设用地需求，提供科研开发、科技成果转化用房和引进人才住房等。", [C]),
        new(16, Actions, "建设科技型企业一站式服务云平台",
            "加速建设安庆市科技型企业一站式服务云平台，组建科技成果交易系统、科技需求对接系统和第三方专业服务机构管理系统。", [K]),
        new(17, Actions, "打造市校合作发展示范样板",
            "推深做实与浙江大学、合肥工业大学、北京化工大学等高校院所合作，打造市校合作发展示范样板。加快与浙江大学合作共建安庆市长三角未来产业研究院，组建高层次研发人才团队，支持申报省级人才平台和人才项目；加速研究院水污染控制等5个平台建设及平台研发项目立项实施进度，启动实施一批“揭榜挂帅”科技项目；多渠道摸排企业技术需求，提供定制化解决方案，常态化开展产学研对接专项活动，加速浙江大学成果在我市转化落地；面向浙江大学校友企业开展招引活动，引进一批企业入驻数字经济产业园并培育成高企。", [K]),
        new(18, Actions, "依托工大汽车及装备制造产业研究院实施“定向委托”项目",
            "围绕汽车及装备制造领域，依托安庆市工大汽车及装备制造产业研究院申报实施若干“定向委托”科研项目。", [MeasureLead.Edz]),
        new(19, Actions, "推动北京化工大学安庆研究院培育为省中试基地",
            "推动北京化工大学安庆研究院在高端光固化材料、绿色催化材料、功能材料、环保材料等领域的成果研发及中试放大，力争培育成安徽省科技成果中试基地。", [MeasureLead.Htz]),
        new(20, Actions, "建立与大院大所稳定合作机制",
            "根据产业发展特色，各县（市、区）、园区建立与1个主导大院大所稳定合作、多个大院大所联动对接的合作机制。", [C]),
        new(21, Actions, "企业承担科技攻关计划比例不低于70%",
            "放宽一个项目周期内企业申报省市科技计划（专项）数量限制，企业承担科技攻关计划（专项）比例原则上不低于70%。", [K]),
        new(22, Actions, "每年选派不少于10名工业互联网服务专员",
            "每年从高校院所和数字化领军企业等中选派不少于10名工业互联网服务专员，推动“专精特新”企业数字化转型。", [Jxj]),
        new(23, Actions, "“三首”研制需求清单与推广应用指导目录",
            "瞄准产业链缺失环节和“卡脖子”难题适时调整“三首”研制需求清单，引导创新主体对标研制。按年度发布“三首”产品推广应用指导目录，加大政府采购支持力度，对“三首”产品采取首购、订购等方式采购，促进“三首”产品研发和示范应用。", [Jxj]),
        new(24, Actions, "争取开展高新技术企业“报备制”试点",
            "争取开展高新技术企业“报备制”试点。", [K]),
        new(25, Actions, "依托科技领军企业组建创新联合体",
            "依托科技领军企业组建体系化、任务型创新联合体。", [K]),
        new(26, Actions, "保障研发总部科研用地和保障性租赁住房",
            "对引进的省外领军企业在我市设立研发总部、区域研发中心，与高校院所共建实验室、研究院等，符合规定的按科研用地给予相应保障。优先支持十大新兴产业领域企业利用自有存量土地建设宿舍型保障性租赁住房。", [Zrj]),
        new(27, Actions, "建设高水平新型研发机构",
            "推进高水平新型研发机构建设。实行“研究院+运营公司+基金”、多元化投入团队持股的混合所有制等模式，建立以成果转化为主导，兼具科技研发、创新创业、人才培养引进等多种功能的新型研发机构。", [K]),
        new(41, Actions, "支持社会力量兴办新型研发机构，产业研究院纳入长三角国家技术创新中心序列",
            "支持企业和社会力量兴办新型研发机构，满足条件的可在项目申报、职称评审、人才培养等方面享受科研事业单位同等待遇。推动市级建立的产业研究院纳入长三角国家技术创新中心（安徽）建设序列，构建“中心+研发机构（研发型企业）+企业”网络。", [K]),
        new(28, Actions, "建设中试基地、产业化基地和孵化载体",
            "推进科技成果中试孵化基地建设。围绕十大新兴产业和未来产业发展需求，引导领军企业和专业机构在高校院所附近或园区建设一批通用性或行业性科技成果中试基地。依托合芜蚌国家科技成果转移转化示范区建立2个以上科技成果产业化基地。按照达标即准原则，支持建设省级众创空间和科技企业孵化器。推动高校院所、领军企业、园区创办专业孵化器。组织安庆师范大学联合有关高校争创省级大学科技园。", [K]),
        new(42, Actions, "引进市外知名高校院所建设孵化器、加速器和科技创新集聚区",
            "引进市外知名高校院所在我市建立科技企业孵化器、加速器（产业园）建设科产城一体融合的科技创新集聚区。", [C]),
        new(29, Actions, "创建国家高新技术产业开发区",
            "推动市高新区争创国家级高新区。", [MeasureLead.Htz]),
        new(43, Actions, "设立“人才飞地”“研发飞地”",
            "引导园区、企业到沪苏浙等地设立“人才飞地”“研发飞地”。", [C]),
        new(30, Actions, "建设场景促进中心",
            "推进领军企业通过产品定制化研发等方式，为关键核心技术提供早期应用场景和适用环境。推动有条件的地区建立场景促进中心，常态化开展场景挖掘、策划、发布、对接等工作。", [C]),
        new(31, Actions, "建设安徽科技大市场安庆分市场",
            "推进技术转移载体建设。启动建设安徽科技大市场安庆分市场。本科高校、科研院所、新型研发机构全面建立由单位分管负责人牵头的技术转移机构。", [K]),
        new(44, Actions, "园区引进知名高校院所或国内头部技术转移机构",
            "围绕十大新兴产业，推动各类园区提供办公场所和配套条件，引进知名高校院所或国内头部技术转移机构。", [C]),
        new(32, Actions, "技术转移机构年度排名",
            "每年依据技术转移机构促成在市内落地的技术交易数量、成交额等指标开展排名。", [K]),
        new(33, Actions, "发展科技金融",
            "强化科技与金融融合。支持商业银行等设立科技金融专营机构或科技支行，鼓励设立科技金融事业部。支持金融机构为科技型企业开发“科技研发贷”“科技成果转化贷”“人才贷”等信贷产品。鼓励金融机构对高新技术企业、科技型中小企业、“专精特新”企业开展授信，扩大投贷联动规模。推广研发保险、成果转化保险等新兴科技保险业务。", [Jgj]),
        new(34, Actions, "设立科技贷款风险补偿资金池",
            "利用科技贷款风险补偿资金池，按规定对合作银行、合作担保机构给予不良贷款风险补偿。", [K]),
        new(35, Actions, "开展银行考核评价和上市培育",
            "将金融机构科技信贷、科技保险、科技担保，以及在地方融资信用服务平台发布金融产品、发放信用贷款等情况纳入金融机构支持地方实体经济发展评价体系，对年度考核评定优秀的按照相关规定给予激励。与北交所等紧密合作，加强拟上市科技型企业的培育，推动符合条件的科技型企业对接多层次资本市场上市融资。", [Jrj]),
        new(45, Actions, "参与省资助大学生创新创业计划",
            "参与省资助大学生创新创业计划。", [Czj]),
        new(36, Actions, "设立省科技成果转化引导基金安庆二期子基金",
            "组建省科技成果转化引导基金安庆二期子基金，投向科技成果转化早期项目的比例达到50%以上。", [K]),
        new(46, Actions, "引入高端基金和投资团队，壮大早期投资的基金丛林",
            "引入高端基金和投资团队，对前瞻性科技成果转化项目进行投资。吸引国内外投资机构入驻我市，壮大早期投资的基金丛林。", [Jrj]),
        new(47, Support, "市县两级成立科技成果转化工作领导小组",
            "市县两级成立科技成果转化工作领导小组，建立统筹、协调、管理和服务机制。", [K, C]),
        new(48, Support, "加强科技成果转化政策督查",
            "加强对市、县（市、区）相关部门推动落实科技成果转化政策督查，压实责任，确保各项举措落实落细。", [K]),
        new(37, Support, "知识产权纠纷调解司法确认",
            "建立健全知识产权纠纷调解协议司法确认机制。", [Zy]),
        new(38, Support, "公布重复侵权、故意侵权企业名录",
            "建立重复侵权、故意侵权企业名录社会公布制度，完善新业态新领域保护制度，加强PCT专利布局。", [Scj]),
        new(39, Support, "高校年度成果转化报告与科技成果转化指数",
            "高校院所应当按照规定向其主管部门和科技、财政部门报送科技成果转化情况的报告。对科技成果转化情况进行信息采集、统计分析，动态发布全市科技成果转化指数。", [K]),
        new(40, Support, "选派年轻干部到高校院所跟班学习",
            "从发展改革、科技、经济和信息化等部门以及园区、企业，选派一批年轻干部到高校院所、科研机构跟班学习，开展科技成果转化政策宣传、需求对接和难题帮办。", [Zzb]),
        new(49, Support, "宣传科技成果转化新模式和典型案例",
            "加强对科技成果转化新模式和典型案例的宣传，引导全社会关心支持科技成果转化，努力营造重视科技成果转化、紧抓科技成果转化的社会氛围。", [K]),

    ];
}
