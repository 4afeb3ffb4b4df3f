namespace AnqingTechTransfer.Web.Features.Help;

/// <summary>A section of the user guide: its anchor on /help and the heading of docs/user-guide.md that carries it.</summary>
public sealed record HelpSection(string Anchor, string Heading);

/// <summary>
/// The user guide's sections and which one each page's 帮助 link opens (issue 25 §7). The anchors are fixed here, not derived
/// from the Chinese headings, so a link keeps working when a heading's wording changes; <see cref="UserGuide"/> puts each anchor
/// on the first heading whose text is <see cref="HelpSection.Heading"/>.
/// </summary>
public static class HelpSections
{
    public const string Start = "start";

    /// <summary>The guide by role, in the order of the guide.</summary>
    public static readonly IReadOnlyList<HelpSection> Roles =
    [
        new("enterprise", "企业"),
        new("university", "高校院所"),
        new("county", "县区和园区"),
        new("registrar", "登记员"),
        new("expert", "评审专家"),
        new("bureau", "市科技局"),
        new("department", "市直部门"),
        new("bank", "银行"),
        new("leader", "领导"),
    ];

    /// <summary>The other sections with a fixed anchor: getting started, the modules' overviews, administration.</summary>
    public static readonly IReadOnlyList<HelpSection> Others =
    [
        new(Start, "一、开始使用"),
        new("sign-in", "登录与双因素认证"),
        new("register", "单位注册与审核"),
        new("workspace", "工作台与待办"),
        new("messages", "站内消息"),
        new("users", "单位管理员管理用户"),
        new("password", "修改密码与密码有效期"),
        new("modules", "按功能模块查找"),
        new("module-contracts", "技术合同认定登记"),
        new("module-enterprises", "企业资质"),
        new("module-cockpit", "领导驾驶舱与目标管理"),
        new("module-experts", "评审专家库与专家评审"),
        new("module-projects", "市科技计划项目"),
        new("module-market", "供需对接"),
        new("module-carriers", "创新平台与载体"),
        new("module-finance", "科技金融"),
        new("module-first-products", "三首产品"),
        new("module-supervision", "任务督办"),
        new("module-infringers", "侵权企业名录"),
        new("module-reports", "高校院所成果转化年度报告"),
        new("module-notices", "通知公告与公示"),
        new("module-index", "科技成果转化指数与开放数据"),
        new("admin", "系统管理员：审计日志与校验、数据字典、安全策略"),
        new("privacy", "个人信息保护"),
    ];

    public static IEnumerable<HelpSection> All => Others.Concat(Roles);

    /// <summary>The section a page's 帮助 link opens, by the page's controller (the module it belongs to).</summary>
    private static readonly Dictionary<string, string> ByController = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contracts"] = "module-contracts", ["ContractDetails"] = "module-contracts", ["ContractFiling"] = "module-contracts",
        ["ContractDecisions"] = "module-contracts", ["ContractAssessment"] = "module-contracts", ["ContractChanges"] = "module-contracts",
        ["ContractCertificate"] = "module-contracts", ["ContractStats"] = "module-contracts", ["ContractImport"] = "module-contracts",
        ["RegistrationPoints"] = "module-contracts", ["WorkingCalendar"] = "module-contracts",
        ["Qualifications"] = "module-enterprises", ["QualificationImport"] = "module-enterprises", ["Cultivation"] = "module-enterprises",
        ["Projects"] = "module-projects", ["Problems"] = "module-projects", ["Applications"] = "module-projects", ["Selection"] = "module-projects",
        ["Awarded"] = "module-projects",
        ["Needs"] = "module-market", ["Results"] = "module-market", ["Docking"] = "module-market", ["DockingEvents"] = "module-market",
        ["Commissioners"] = "module-market",
        ["Carriers"] = "module-carriers", ["PilotServices"] = "module-carriers", ["Scenarios"] = "module-carriers", ["Ranking"] = "module-carriers",
        ["Finance"] = "module-finance", ["Pool"] = "module-finance",
        ["FirstProducts"] = "module-first-products",
        ["Experts"] = "module-experts", ["Panels"] = "module-experts", ["Reviews"] = "expert",
        ["Cockpit"] = "module-cockpit", ["Targets"] = "module-cockpit", ["TargetValues"] = "module-cockpit", ["TargetBaselines"] = "module-cockpit",
        ["TargetPeriods"] = "module-cockpit",
        ["Supervision"] = "module-supervision", ["Reports"] = "module-reports", ["Infringers"] = "module-infringers",
        ["TransferIndex"] = "module-index", ["OpenData"] = "module-index", ["Notices"] = "module-notices",
        ["SignIn"] = "sign-in", ["TwoFactor"] = "sign-in", ["Registration"] = "register", ["Organizations"] = "register",
        ["Workspace"] = "workspace", ["Messages"] = "messages", ["Users"] = "users", ["Password"] = "password", ["AccountSecurity"] = "password",
        ["Audit"] = "admin", ["CodeTables"] = "admin", ["SecuritySettings"] = "admin",
    };

    /// <summary>The anchor of the current page's module; the guide's beginning for a page of no module (the front page).</summary>
    public static string AnchorFor(string? controller) =>
        controller is not null && ByController.TryGetValue(controller, out var anchor) ? anchor : Start;
}
