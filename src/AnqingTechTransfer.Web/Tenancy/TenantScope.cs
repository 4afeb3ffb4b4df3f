namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>How far an actor's reading reaches, from nothing to the whole city.</summary>
public enum TenantScope
{
    /// <summary>No actor: no rows (fail closed).</summary>
    None = 0,
    /// <summary>Only records addressed to the user (an expert's assignments, a user's messages).</summary>
    User = 1,
    /// <summary>Records owned by the user's organization.</summary>
    Organization = 2,
    /// <summary>Records of the user's county or park.</summary>
    Region = 3,
    /// <summary>The whole city: the bureau, admins, auditors and city leaders.</summary>
    City = 4,
}
