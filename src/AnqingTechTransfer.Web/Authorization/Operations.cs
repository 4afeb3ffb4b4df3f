using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Authorization;

/// <summary>Named operations checked by resource-based handlers (one handler per resource type).</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
    public static readonly OperationAuthorizationRequirement Suspend = new() { Name = nameof(Suspend) };
    public static readonly OperationAuthorizationRequirement OverrideChecksum = new() { Name = nameof(OverrideChecksum) };
    public static readonly OperationAuthorizationRequirement ManageUsers = new() { Name = nameof(ManageUsers) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
