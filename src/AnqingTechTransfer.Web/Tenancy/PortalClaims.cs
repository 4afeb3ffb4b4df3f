namespace AnqingTechTransfer.Web.Tenancy;

public static class PortalClaims
{
    public const string OrganizationId = "aq:org";
    public const string OrganizationKind = "aq:org_kind";
    public const string OrganizationStatus = "aq:org_status";
    public const string RegionCode = "aq:region";
    public const string OrganizationAdmin = "aq:org_admin";
    public const string DisplayName = "aq:name";
    public const string PasswordChangedAt = "aq:pwd_changed";
    public const string MustChangePassword = "aq:pwd_must_change";
    public const string SignedInAt = "aq:auth_time";
    public const string RegistrationPoints = "aq:points";
}
