namespace AnqingTechTransfer.Domain;

/// <summary>The Identity roles of ARCHITECTURE.md, exactly.</summary>
public static class PortalRoles
{
    public const string Bureau = "Bureau";
    public const string BureauAdmin = "BureauAdmin";
    public const string Department = "Department";
    public const string County = "County";
    public const string Park = "Park";
    public const string University = "University";
    public const string Enterprise = "Enterprise";
    public const string Expert = "Expert";
    public const string Registrar = "Registrar";
    public const string Agency = "Agency";
    public const string Bank = "Bank";
    public const string Leader = "Leader";
    public const string Auditor = "Auditor";
    /// <summary>安全管理员: the security settings (lockout, password length, the /admin address allow-list), nothing else.</summary>
    public const string SecurityAdmin = "SecurityAdmin";

    public static readonly IReadOnlyList<string> All =
        [Bureau, BureauAdmin, Department, County, Park, University, Enterprise, Expert, Registrar, Agency, Bank, Leader, Auditor, SecurityAdmin];

    /// <summary>The three powers of 等保 level 3 (三权分立): system, security and audit administration. Each needs a second factor.</summary>
    public static readonly IReadOnlyList<string> Administrators = [BureauAdmin, SecurityAdmin, Auditor];

    public static string DisplayName(string role) => role switch
    {
        Bureau => "市科技局业务人员",
        BureauAdmin => "系统管理员",
        Department => "市直部门",
        County => "县（市、区）",
        Park => "园区",
        University => "高校院所",
        Enterprise => "企业",
        Expert => "评审专家",
        Registrar => "技术合同登记员",
        Agency => "服务机构",
        Bank => "金融机构",
        Leader => "领导",
        Auditor => "安全审计员",
        SecurityAdmin => "安全管理员",
        _ => role,
    };
}
