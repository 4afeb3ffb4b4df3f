using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

/// <summary>我的评审: an expert reads and works their own seats (the seats' filter keeps each to their own).</summary>
public sealed class ReviewPermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>Sits on panels: an expert of an active organization.</summary>
    public bool Reviews => actor.Acts(PortalRoles.Expert);
}
