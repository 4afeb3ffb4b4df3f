using AnqingTechTransfer.Domain.Messaging;
using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Projects.Applications;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>One solution's row: the application (its 技术方案 is the summary), its files, and its panel score if it was reviewed.</summary>
public sealed record SolutionRow(ProjectApplication Application, IReadOnlyList<Attachment> Files);

/// <summary>研发众包 方案比选: every eligible solution of a task side by side, the ones still open with the bureau's choice.</summary>
public sealed record SolutionsPage(Programme Programme, IReadOnlyList<SolutionRow> Rows, int AlreadyAccepted, decimal AlreadyAwarded, bool WindowClosed,
    SolutionsForm Form)
{
    public IEnumerable<SolutionRow> Open => Rows.Where(r => CrowdSelection.IsOpen(r.Application));

    public bool IsTask => Programme.Terms.Mode == FundingMode.Crowdsourcing;
}

/// <summary>The bureau's choice on the open solutions, one row each (in the page's order).</summary>
public class SolutionsForm
{
    public const string Accept = "accept";
    public const string Reject = "reject";

    public List<SolutionDecision> Decisions { get; set; } = [];

    public SolutionDecision? For(Guid applicationId) => Decisions.FirstOrDefault(d => d.ApplicationId == applicationId);

    public IReadOnlyList<SolutionVerdict> Verdicts() => Decisions.Where(d => d.Choice is Accept or Reject)
        .Select(d => new SolutionVerdict(d.ApplicationId, d.Choice == Accept, d.Amount, d.Reason)).ToList();
}

public class SolutionDecision
{
    public Guid ApplicationId { get; set; }

    /// <summary><see cref="SolutionsForm.Accept"/>, <see cref="SolutionsForm.Reject"/>, or nothing chosen yet.</summary>
    public string? Choice { get; set; }

    [Display(Name = "采纳金额（万元）")]
    public decimal? Amount { get; set; }

    [Display(Name = "不予采纳的理由")]
    [StringLength(CrowdSelection.MaxReasonLength, ErrorMessage = "理由不能超过400个字")]
    public string? Reason { get; set; }
}

/// <summary>
/// 研发众包: after the window the bureau reads every eligible solution of the task side by side (summary, files, panel
/// score if reviewed), accepts at most N (each with an amount, the sum within the budget) and rejects each other one with
/// a reason; accepted ones are 拟立项 (publicity and award as for every programme), rejected ones are told why, on their
/// application page and by a message to their unit.
/// </summary>
public class SolutionsHandler(PortalDbContext db, Notifier notifier, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<SolutionsPage>> PageAsync(Guid id, bool managesPlan, CancellationToken ct, SolutionsForm? form = null)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return RecordResult<SolutionsPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<SolutionsPage>.Forbidden;
        }

        return RecordResult<SolutionsPage>.Done(await BuildAsync(programme, await SolutionsAsync(programme, tracked: false, ct), form, ct));
    }

    public async Task<RecordResult<SolutionsPage>> DecideAsync(Guid id, SolutionsForm form, bool formValid, bool managesPlan, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return RecordResult<SolutionsPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<SolutionsPage>.Forbidden;
        }

        form.Decisions ??= [];
        var solutions = await SolutionsAsync(programme, tracked: true, ct);
        if (!formValid)
        {
            return RecordResult<SolutionsPage>.Invalid([], await BuildAsync(programme, solutions, form, ct));
        }

        var verdicts = form.Verdicts();
        var accepted = solutions.Where(s => s.Status is ApplicationStatus.Approved or ApplicationStatus.Awarded).ToList();
        var errors = CrowdSelection.Check(programme.Terms, solutions, verdicts, accepted.Count, accepted.Sum(s => s.ApprovedAmount ?? 0m), clock.GetUtcNow());
        if (errors.Count > 0)
        {
            // Each error next to its row: the posted rows are indexed as the page wrote them; a solution not posted gets a row.
            foreach (var missing in errors.Where(e => e.ApplicationId is { } aid && form.For(aid) is null))
            {
                form.Decisions.Add(new SolutionDecision { ApplicationId = missing.ApplicationId!.Value });
            }

            // A posted row for a solution not on the page (not this task's, or already decided) has no row to show its error: the top.
            var fieldErrors = errors.Select(e => new FieldError(
                e.ApplicationId is { } aid && solutions.Any(s => s.Id == aid && CrowdSelection.IsOpen(s))
                    ? $"{nameof(SolutionsForm.Decisions)}[{form.Decisions.FindIndex(d => d.ApplicationId == aid)}].{e.Field}"
                    : string.Empty, e.Message)).ToList();
            return RecordResult<SolutionsPage>.Invalid(fieldErrors, await BuildAsync(programme, solutions, form, ct));
        }

        CrowdSelection.Apply(solutions, verdicts);
        foreach (var verdict in verdicts)
        {
            var solution = solutions.Single(s => s.Id == verdict.ApplicationId);
            var link = $"/projects/applications/{solution.Id}";
            await (verdict.Accept
                ? notifier.ToOrganizationAdminsAsync(solution.OrganizationId, "研发众包方案被采纳",
                    $"您单位提交的方案“{solution.Title}”（{programme.Terms.Name}）已被采纳，拟立项资助 {solution.ApprovedAmount:#,##0.00} 万元，将进行立项公示。", link, ct, MessageKind.Projects)
                : notifier.ToOrganizationAdminsAsync(solution.OrganizationId, "研发众包方案未被采纳",
                    $"您单位提交的方案“{solution.Title}”（{programme.Terms.Name}）{solution.Remark}", link, ct, MessageKind.Projects));
        }

        await db.SaveChangesAsync(ct);
        var done = await BuildAsync(programme, solutions, null, ct);
        return RecordResult<SolutionsPage>.Done(done);
    }

    /// <summary>A task's solutions past the formal check (eligible, reviewed or decided), earliest first.</summary>
    private async Task<List<ProjectApplication>> SolutionsAsync(Programme programme, bool tracked, CancellationToken ct)
    {
        // Only a 研发众包 task has solutions: another programme's page says so and lists none.
        if (programme.Terms.Mode != FundingMode.Crowdsourcing)
        {
            return [];
        }

        var programmeId = programme.Id;
        var query = db.ProjectApplications.Where(a => a.ProgrammeId == programmeId && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.Reviewed
            || a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.NotApproved || a.Status == ApplicationStatus.Awarded));
        return await (tracked ? query : query.AsNoTracking()).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(ct);
    }

    private async Task<SolutionsPage> BuildAsync(Programme programme, IReadOnlyList<ProjectApplication> solutions, SolutionsForm? form, CancellationToken ct)
    {
        var ids = solutions.Select(s => s.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ApplicationAttachmentOwner.Type && ids.Contains(a.OwnerId)).OrderBy(a => a.UploadedAt)
            .ToListAsync(ct)).ToLookup(a => a.OwnerId);
        var accepted = solutions.Where(s => s.Status is ApplicationStatus.Approved or ApplicationStatus.Awarded).ToList();
        form ??= new SolutionsForm
        {
            Decisions = solutions.Where(CrowdSelection.IsOpen).Select(s => new SolutionDecision { ApplicationId = s.Id, Amount = Math.Min(s.Requested, programme.Terms.MaxAward) })
                .ToList(),
        };
        return new SolutionsPage(programme, solutions.Select(s => new SolutionRow(s, files[s.Id].ToList())).ToList(), accepted.Count,
            accepted.Sum(s => s.ApprovedAmount ?? 0m), clock.GetUtcNow() >= programme.Terms.ClosesAt, form);
    }
}
