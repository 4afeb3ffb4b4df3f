using AnqingTechTransfer.Domain;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// A module of the portal and who it is for: the users acting in one of <paramref name="Audience"/>'s roles (empty: every
/// signed-in user), and organization admins when <paramref name="ForOrganizationAdmins"/>. Which modules a user sees is
/// <see cref="NavigationPermissions"/>'s to answer.
/// </summary>
public sealed record PortalModule(string Title, string Url, string Description, IReadOnlyList<string> Audience, bool InNavigation = true, string? NavTitle = null,
    bool ForOrganizationAdmins = false);

/// <summary>
/// The modules a user can open, for the navigation bar and the workspace cards. Each later module adds its line;
/// visibility here only hides links: every action still carries its own authorization.
/// </summary>
public static class PortalModules
{
    public static readonly IReadOnlyList<PortalModule> All =
    [
        new("领导驾驶舱", "/cockpit", "高新技术企业、科技型中小企业、技术合同成交额和吸纳成交额：基数、实际、目标与排名",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Department, PortalRoles.Leader], NavTitle: "驾驶舱"),
        new("目标管理", "/targets", "指标、2021年基数、规划期与年度目标的设定和锁定",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Department], InNavigation: false),
        new("技术合同登记", "/contracts", "合同申报、受理、认定登记，登记证明，吸纳与输出统计", NavTitle: "合同登记", Audience:
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.University, PortalRoles.Enterprise, PortalRoles.Registrar, PortalRoles.Agency,
                PortalRoles.Leader]),
        new("企业资质", "/enterprises", "高新技术企业证书、科技型中小企业入库、专精特新与高企培育库",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.Leader]),
        new("科技计划项目", "/projects", "申报指南、企业出题与揭榜挂帅榜单",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.University], NavTitle: "科技项目"),
        new("供需对接", "/needs", "技术需求与科技成果市场、智能匹配推荐、对接意向与在线沟通",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency]),
        new("对接意向", "/docking", "本单位发出和收到的对接意向、沟通记录，据此登记技术合同",
            [PortalRoles.Bureau, PortalRoles.Enterprise, PortalRoles.University], InNavigation: false),
        new("对接活动", "/docking-events", "市、县区、园区组织的供需对接活动及成效",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.University], InNavigation: false),
        new("科技服务专员", "/commissioners", "科技情报员、双链融合专员、科技特派员、工业互联网服务专员及其服务记录",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Leader, PortalRoles.Department], InNavigation: false),
        new("创新平台与载体", "/carriers", "创新平台、中试基地与中试服务、孵化器、技术转移机构年度排名、应用场景",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency], NavTitle: "创新载体"),
        new("科技金融", "/finance", "科技信贷产品、贷款申请与审批放款",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.Bank]),
        new("三首产品", "/first-products", "首台套、首批次、首版次：研制需求清单、认定申请、推广应用目录与采购",
            [PortalRoles.Bureau, PortalRoles.Department, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise], InNavigation: false),
        new("任务督办", "/supervision", "行动方案各项任务的牵头单位、季度进展报送与审阅、完成确认",
            [PortalRoles.Bureau, PortalRoles.Department, PortalRoles.County, PortalRoles.Park, PortalRoles.Leader], InNavigation: false),
        new("成果转化年度报告", "/reports", "高校院所年度科技成果转化报告的填报、审核与全市汇总",
            [PortalRoles.Bureau, PortalRoles.University, PortalRoles.County, PortalRoles.Park, PortalRoles.Leader], InNavigation: false),
        new("科技成果转化指数", "/index", "全市及各县区园区科技成果转化指数的测算、发布与公开", [PortalRoles.Bureau, PortalRoles.Leader], InNavigation: false),
        new("侵权企业名录", "/infringers", "重复侵权、故意侵权企业名录的列入、公布与信用修复",
            [PortalRoles.Bureau, PortalRoles.Department], InNavigation: false),
        new("通知公告", "/notices", "通知公告与公示、异议处理", [PortalRoles.Bureau], InNavigation: false),
        new("评审专家库", "/experts", "专家入库、诚信记录、年度复核，评审组随机抽取与回避",
            [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park], NavTitle: "专家库"),
        new("我的评审", "/reviews", "回避声明、承诺书、评分和评审记录", [PortalRoles.Expert]),
        new("登记点管理", "/registration-points", "技术合同登记点及其登记员", [PortalRoles.Bureau, PortalRoles.BureauAdmin], InNavigation: false),
        new("单位注册审核", "/organizations", "审核本辖区企业、高校院所、服务机构和金融机构的注册申请",
            [PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.County, PortalRoles.Park], NavTitle: "注册审核"),
        new("用户管理", "/admin/users", "新增、停用本单位用户，重置密码",
            [PortalRoles.BureauAdmin], ForOrganizationAdmins: true),
        new("审计日志", "/admin/audit", "登录、退出及各项数据变更的防篡改记录",
            [PortalRoles.Auditor]),
        new("安全策略", "/admin/security", "登录失败锁定、密码长度、管理后台访问地址白名单",
            [PortalRoles.SecurityAdmin]),
        new("数据字典", "/admin/code-tables", "技术领域、知识产权类型、法人性质等代码表",
            [PortalRoles.BureauAdmin]),
        new("站内消息", "/messages", "审核结果等通知", [], InNavigation: false),
        new("账户安全", "/account/security", "修改密码、双因素认证", [], InNavigation: false),
        new("消息与邮件设置", "/account/notifications", "邮箱地址，哪些消息同时发邮件", [], InNavigation: false),
    ];
}
