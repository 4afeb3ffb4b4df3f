namespace AnqingTechTransfer.Domain.Organizations;

public enum OrganizationStatus
{
    Pending = 1,
    Active = 2,
    Rejected = 3,
    Suspended = 4,
}

public static class OrganizationStatuses
{
    public static string DisplayName(this OrganizationStatus status) => status switch
    {
        OrganizationStatus.Pending => "待审核",
        OrganizationStatus.Active => "正常",
        OrganizationStatus.Rejected => "未通过",
        OrganizationStatus.Suspended => "已停用",
        _ => status.ToString(),
    };
}
