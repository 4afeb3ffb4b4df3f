namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// The security settings the security administrator (安全管理员) keeps: one row. Until it is first saved, the configured
/// <c>Security:*</c> values apply (Infrastructure/Security/SecurityPolicyProvider).
/// </summary>
public class SecuritySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int MaxFailedSignIns { get; set; }
    public int LockoutMinutes { get; set; }
    public int PasswordMinLength { get; set; }
    /// <summary>Addresses or CIDR networks, one per line, from which /admin may be reached; empty: from anywhere.</summary>
    public string AdminAllowedNetworks { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public uint Version { get; set; }
}
