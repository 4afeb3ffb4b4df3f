using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>
/// The steps while a project runs: the bureau registers disbursements and decides change requests; the organization
/// carrying it reports progress and asks for changes; the 发榜 enterprise signs the three-party agreement. A broken rule
/// stays the filter's flash message (no form here).
/// </summary>
public class ProjectStepsHandler(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, ContractCalendarHandler calendar, TimeProvider clock) : IUseCase
{
    public Task<RecordResult<Guid>> DisburseAsync(Guid id, int tranche, decimal amount, DateOnly? paidOn, string? reference, CancellationToken ct) =>
        ActAsync(id, _ => permissions.ManagesPlan, p => p.Disburse(tranche, amount, paidOn ?? calendar.Today, reference ?? string.Empty), ct);

    public Task<RecordResult<Guid>> SignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, p => permissions.Allows(ProjectPermissions.Sign, p), p => p.SignAsPoster(actor.OrganizationId, clock.GetUtcNow()), ct);

    public Task<RecordResult<Guid>> ReportAsync(Guid id, string? text, CancellationToken ct) =>
        ActAsync(id, Carries, p => p.Report(text ?? string.Empty, calendar.Today, clock.GetUtcNow()), ct);

    public Task<RecordResult<Guid>> RequestChangeAsync(Guid id, ChangeKind kind, string? description, DateOnly? newEndDate, CancellationToken ct) =>
        ActAsync(id, Carries, p => p.RequestChange(kind, description ?? string.Empty, newEndDate, clock.GetUtcNow()), ct);

    public Task<RecordResult<Guid>> DecideChangeAsync(Guid id, Guid changeId, bool approve, string? reply, CancellationToken ct) =>
        ActAsync(id, _ => permissions.ManagesPlan, p => p.DecideChange(changeId, approve, reply ?? string.Empty), ct);

    private bool Carries(Project project) => permissions.Allows(ProjectPermissions.Carry, project);

    /// <summary>One shape for every step on a project: not found (also for another's) → 404; not this user's step → 403; the domain step; saved.</summary>
    private async Task<RecordResult<Guid>> ActAsync(Guid id, Func<Project, bool> may, Action<Project> act, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!may(project))
        {
            return RecordResult<Guid>.Forbidden;
        }

        act(project);
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
