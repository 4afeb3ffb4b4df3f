using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>
/// 通知公告: the bureau publishes notices and publicity, withdraws them, reads the withdrawn ones and answers objections (an
/// active organization); everyone reads the notices in force and may object to a publicity.
/// </summary>
public sealed class NoticePermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>Publishes, withdraws, reads withdrawn notices and answers objections (the bureau).</summary>
    public bool Publishes => actor.Acts(PortalRoles.Bureau);
}
