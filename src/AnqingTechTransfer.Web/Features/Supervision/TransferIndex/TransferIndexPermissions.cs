using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

/// <summary>科技成果转化指数: the bureau previews and publishes the index (an active organization); everyone reads what is published.</summary>
public sealed class TransferIndexPermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>Previews the live index and publishes (or corrects) a period (the bureau).</summary>
    public bool Publishes => actor.Acts(PortalRoles.Bureau);
}
