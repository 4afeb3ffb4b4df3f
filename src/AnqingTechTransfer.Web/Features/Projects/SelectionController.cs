using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

public sealed record RankingView(Programme Programme, IReadOnlyList<RankedApplication> Rows, Publicity? Publicity, int PublicityWorkingDays);

public class ProjectOptions
{
    public const string Section = "Projects";

    /// <summary>Working days the approved list is public with its objection channel (5–7 is common).</summary>
    public int PublicityWorkingDays { get; set; } = 5;
}

public sealed record PublicityView(Publicity Publicity, Programme Programme, IReadOnlyList<(string Title, string Applicant, decimal? Amount)> Listed, bool IsBureau);

/// <summary>
/// 评审与立项: the bureau sends an eligible application to an expert panel (the expert pool's draw and review), records the
/// panel's locked result, ranks a programme's applications against its budget, decides, and runs the publicity (公示) with
/// its objection channel; when the publicity has ended the approved applications are awarded.
/// </summary>
[Route("projects")]
public class SelectionController(PortalDbContext db, ProjectPermissions permissions, ContractCalendarHandler calendar, Microsoft.Extensions.Options.IOptions<ProjectOptions> options,
    ProjectPanelHandler panels, TimeProvider clock) : Controller
{
    [Authorize]
    [HttpPost("applications/{id:guid}/panel")]
    public async Task<IActionResult> Panel(Guid id, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var mode = await ModeAsync(application, ct);
        var panel = await panels.CreateAsync(ProjectReview.StageFor(mode), application, ct);
        application.AssignPanel(panel.Id);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = mode == FundingMode.Directed ? "已建立专家论证组，请抽取专家。" : "已建立评审组，请抽取专家。";
        return Redirect($"/panels/{panel.Id}");
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/score")]
    public async Task<IActionResult> Score(Guid id, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var result = await panels.ResultAsync(application.PanelId, ct);
        application.RecordScore(result);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已记录专家评审结果 {result:0.00} 分。";
        return Redirect($"/projects/programmes/{application.ProgrammeId}/ranking");
    }

    [Authorize]
    [HttpGet("programmes/{id:guid}/ranking")]
    public async Task<IActionResult> Ranking(Guid id, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var applications = await db.ProjectApplications.AsNoTracking().Where(a => a.ProgrammeId == id && a.Score != null).ToListAsync(ct);
        var rows = ProgrammeRanking.Rank(applications, programme.Terms.Budget);
        var publicity = await db.Publicities.AsNoTracking().Where(p => p.ProgrammeId == id).OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
        return View(new RankingView(programme, rows, publicity, options.Value.PublicityWorkingDays));
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, bool approve, decimal? amount, string? remark, uint version, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.Decide(approve, amount, remark, await ModeAsync(application, ct));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = approve ? "已拟立项。" : "已决定不予立项。";
        return Redirect($"/projects/programmes/{application.ProgrammeId}/ranking");
    }

    [Authorize]
    [HttpPost("programmes/{id:guid}/publicity")]
    public async Task<IActionResult> OpenPublicity(Guid id, CancellationToken ct)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        if (await db.Publicities.AnyAsync(p => p.ProgrammeId == id && p.Status == PublicityStatus.Open, ct))
        {
            throw new DomainException("本专项已在公示中");
        }

        var approved = await db.ProjectApplications.Where(a => a.ProgrammeId == id && a.Status == ApplicationStatus.Approved).Select(a => a.Id).ToListAsync(ct);
        var publicity = Domain.Projects.Publicity.Open(id, approved, calendar.Today, options.Value.PublicityWorkingDays, await calendar.CalendarAsync(ct), clock.GetUtcNow());
        db.Publicities.Add(publicity);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已发布立项公示，公示期至 {publicity.EndsOn:yyyy年M月d日}。";
        return Redirect($"/projects/publicity/{publicity.Id}");
    }

    [AllowAnonymous]
    [HttpGet("publicity/{id:guid}")]
    public async Task<IActionResult> Publicity(Guid id, CancellationToken ct) =>
        await PublicityViewAsync(id, ct) is { } view ? View(view) : NotFound();

    /// <summary>The objection channel is open to everyone during the window: a name or unit and a way to be reached are required.</summary>
    [AllowAnonymous]
    [HttpPost("publicity/{id:guid}/objections")]
    public async Task<IActionResult> Object(Guid id, string? from, string? text, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return NotFound();
        }

        try
        {
            publicity.Object(from ?? string.Empty, text ?? string.Empty, calendar.Today, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            TempData[DomainExceptionFilter.FlashError] = e.Message;
            return RedirectToAction(nameof(Publicity), new { id });
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "异议已收到，市科技局将核查并答复。";
        return RedirectToAction(nameof(Publicity), new { id });
    }

    [Authorize]
    [HttpPost("publicity/{id:guid}/objections/{objectionId:guid}/answer")]
    public async Task<IActionResult> Answer(Guid id, Guid objectionId, string? answer, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        publicity.Answer(objectionId, answer ?? string.Empty, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已答复。";
        return RedirectToAction(nameof(Publicity), new { id });
    }

    [Authorize]
    [HttpPost("publicity/{id:guid}/end")]
    public async Task<IActionResult> End(Guid id, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        publicity.End(calendar.Today);
        var listed = publicity.ApplicationIds;
        foreach (var application in await db.ProjectApplications.Where(a => listed.Contains(a.Id) && a.Status == ApplicationStatus.Approved).ToListAsync(ct))
        {
            application.Award();
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "公示结束，已下达立项。";
        return RedirectToAction(nameof(Publicity), new { id });
    }

    private async Task<FundingMode> ModeAsync(ProjectApplication application, CancellationToken ct) =>
        (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct)).Terms.Mode;

    private async Task<PublicityView?> PublicityViewAsync(Guid id, CancellationToken ct)
    {
        var publicity = await db.Publicities.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == publicity.ProgrammeId, ct);
        // The publicity list is public: what is listed is shown to everyone, through a projection of the listed applications only.
        var listed = await PublicListingHandler.ListAsync(db, publicity.ApplicationIds, ct);
        return new PublicityView(publicity, programme, listed, permissions.ManagesPlan);
    }
}
