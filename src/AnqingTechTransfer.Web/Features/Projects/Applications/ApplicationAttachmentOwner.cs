using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// An application's documents are seen by whoever sees the application. A reader outside the applicant, the 发榜方, its
/// county or park and the city is a reviewing expert (the tenant filter lets nobody else see it): their copy carries their
/// name (评审专用水印), so a leaked copy names its reader.
/// </summary>
public class ApplicationAttachmentOwner(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IAttachmentOwner
{
    public const string Type = "ProjectApplication";

    public string OwnerType => Type;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.ProjectApplications.AnyAsync(a => a.Id == ownerId, ct);

    public async Task<string?> WatermarkAsync(Guid ownerId, CancellationToken ct)
    {
        if (actor.Scope is TenantScope.City or TenantScope.Region)
        {
            return null;
        }

        var me = actor.OrganizationId;
        var ownSide = await db.ProjectApplications.AnyAsync(a => a.Id == ownerId && (a.OrganizationId == me || a.PosterOrganizationId == me), ct);
        return ownSide ? null : ReviewerStamp(actor.DisplayName, Display.Today(clock));
    }

    /// <summary>The text stamped on what a reviewing expert reads: on the page and on every downloaded copy.</summary>
    public static string ReviewerStamp(string name, DateOnly today) => $"评审专用 · {name} · {today:yyyy-MM-dd} · 不得外传";
}
