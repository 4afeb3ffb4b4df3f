using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>What the bureau posts to sanction a project: the kind, the reason, the decision date, and what the kind needs.</summary>
public class SanctionInput
{
    public SanctionKind Kind { get; set; }
    public string? Reason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public int? BanYears { get; set; }
    public decimal? RecoveryAmount { get; set; }
    public DateOnly? RecoveryDueOn { get; set; }
    /// <summary>The responsible person: a team member's key, or none (the unit only).</summary>
    public string? PersonKey { get; set; }
}

/// <summary>
/// 通报批评, 限制申报, 追回资金 and 终止任务书 on an awarded project (issue 23 §7), recorded on the unit and, where a person is
/// responsible, on that team member; and the funds recovered. Only the bureau that manages the plan decides them.
/// </summary>
public class SanctionsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> ImposeAsync(Guid projectId, SanctionInput input, bool managesPlan, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var application = await db.ProjectApplications.AsNoTracking().Where(a => a.Id == project.ApplicationId)
            .Select(a => new { a.ApplicantName, a.ApplicantCreditCode, a.Team }).SingleAsync(ct);
        var sanction = ProjectSanction.Impose(project, application.ApplicantName, application.ApplicantCreditCode, application.Team, input.Kind, input.Reason,
            input.DecidedOn ?? Display.Today(clock), input.BanYears, input.RecoveryAmount, input.RecoveryDueOn, input.PersonKey, actor.UserName, clock.GetUtcNow());
        db.ProjectSanctions.Add(sanction);
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(projectId);
    }

    public async Task<RecordResult<Guid>> RecoveredAsync(Guid projectId, Guid sanctionId, decimal? amount, DateOnly? on, bool managesPlan, CancellationToken ct)
    {
        var sanction = await db.ProjectSanctions.SingleOrDefaultAsync(s => s.Id == sanctionId && s.ProjectId == projectId, ct);
        if (sanction is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        sanction.RecordRecovery(amount ?? 0, on ?? Display.Today(clock));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(projectId);
    }
}
