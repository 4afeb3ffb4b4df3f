using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>
/// 通知公告: the bureau publishes notices and publicity on anything, reads the withdrawn ones and answers objections; every
/// lead unit of a plan measure (a municipal department by organization, a county or park by region, as in 任务督办)
/// publishes 通知公告 tagged with one of its own measures, and withdraws its own notices; everyone reads the notices in force
/// and may object to a publicity. Every right needs an active organization.
/// </summary>
public sealed class NoticePermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>Publishes on any measure (or none) and publicity, withdraws any notice, reads withdrawn notices, answers objections (the bureau).</summary>
    public bool Publishes => actor.Acts(PortalRoles.Bureau);

    /// <summary>Acts for a unit that may lead measures (see <see cref="SupervisionPermissions.LeadRoles"/>).</summary>
    public bool ActsAsLead => actor.ActsAny(SupervisionPermissions.LeadRoles);

    /// <summary>May tag a notice with this measure: the bureau, or one of the measure's lead units.</summary>
    public bool PublishesFor(PlanMeasure measure) =>
        Publishes || (ActsAsLead && actor.OrganizationKind is { } kind && measure.IsLedBy(actor.OrganizationId, kind, actor.RegionCode));

    /// <summary>Withdraws a notice: the bureau, or the lead unit that published it.</summary>
    public bool Withdraws(Notice notice) => Publishes || (ActsAsLead && notice.PublishedByOrganizationId == actor.OrganizationId);
}
