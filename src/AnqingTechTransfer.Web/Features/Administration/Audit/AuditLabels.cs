namespace AnqingTechTransfer.Web.Features.Administration.Audit;

/// <summary>Chinese names for the record types that appear in the audit log; unknown types show as stored.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["Organization"] = "单位",
        ["PortalUser"] = "用户",
        ["IdentityUserRole`1"] = "用户角色",
        ["IdentityUserClaim`1"] = "用户声明",
        ["IdentityUserLogin`1"] = "外部登录",
        ["PortalRole"] = "角色",
        ["Region"] = "地区",
        ["CodeEntry"] = "数据字典条目",
        ["Attachment"] = "附件",
        ["AuditEntry"] = "审计日志",
    };

    public static string EntityName(string? type) => type is null ? string.Empty : Names.GetValueOrDefault(type, type);
}
