using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

public sealed record ProblemRow(Guid Id, string Title, string EnterpriseName, string RegionCode, decimal OwnFunds, DateOnly Deadline, ProblemStatus Status,
    string? Remark, Guid? ProgrammeId, uint Version);

/// <summary>
/// 企业出题: enterprises propose technical problems; their county or park screens them; the bureau lists the good ones on a
/// 揭榜挂帅 programme's 榜单, which is public.
/// </summary>
[Authorize]
[Route("projects/problems")]
public class ProblemsController(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, TimeProvider clock) : Controller
{
    public static IQueryable<Problem> Listed(PortalDbContext db) =>
        db.Problems.AsNoTracking().Where(p => p.Status == ProblemStatus.Listed).OrderBy(p => p.Deadline).ThenBy(p => p.Id);

    [HttpGet("")]
    public async Task<IActionResult> Index(ProblemStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.ReadsProblems)
        {
            return Forbid();
        }

        ViewData["Status"] = status;
        ViewData["IsEnterprise"] = permissions.MayPropose;
        ViewData["IsScreener"] = permissions.MayScreen;
        ViewData["IsBureau"] = permissions.ManagesPlan;
        ViewData["Programmes"] = permissions.ManagesPlan ? await OpenUnveilingProgrammesAsync(ct) : [];
        // Each sees the problems of their own scope here; listed problems of others are on the public 榜单.
        var query = db.Problems.AsNoTracking();
        if (permissions.MayPropose)
        {
            var own = actor.OrganizationId;
            query = query.Where(p => p.OrganizationId == own);
        }
        else if (permissions.MayScreen)
        {
            var region = actor.RegionCode;
            query = query.Where(p => p.RegionCode == region);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return View(await query.OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProblemRow(p.Id, p.Title, p.EnterpriseName, p.RegionCode, p.OwnFunds, p.Deadline, p.Status, p.Remark, p.ProgrammeId, p.Version))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("new")]
    public IActionResult New() => permissions.MayPropose ? View(new ProblemForm()) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New(ProblemForm form, CancellationToken ct)
    {
        if (!permissions.MayPropose)
        {
            return Forbid();
        }

        (form.Title, form.Description, form.Targets) = (form.Title ?? string.Empty, form.Description ?? string.Empty, form.Targets ?? string.Empty);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
            var today = Display.Today(clock);
            db.Problems.Add(Domain.Projects.Problem.Propose(own.Id, own.Name, own.RegionCode, form.Title, form.Description, form.Targets, form.OwnFunds!.Value, form.Deadline!.Value, today,
                clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "题目已提交，待所在县（市、区）、园区初审推荐。";
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            return View(form);
        }
    }

    [HttpPost("{id:guid}/screen")]
    public async Task<IActionResult> Screen(Guid id, bool pass, string? remark, uint version, CancellationToken ct)
    {
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ProjectPermissions.Screen, problem))
        {
            return Forbid();
        }

        db.Entry(problem).Property(p => p.Version).OriginalValue = version;
        problem.Screen(pass, remark);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = pass ? "已推荐至市科技局。" : "已退回企业。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/list")]
    public async Task<IActionResult> List(Guid id, Guid programmeId, uint version, CancellationToken ct)
    {
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct)
            ?? throw new DomainException("请选择揭榜挂帅专项");
        db.Entry(problem).Property(p => p.Version).OriginalValue = version;
        problem.List(programme);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已列入榜单，公众可在“科技计划项目”页面查看。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IReadOnlyList<(Guid Id, string Name)>> OpenUnveilingProgrammesAsync(CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().ToListAsync(ct);
        return programmes.Where(p => p.Terms.Mode == FundingMode.Unveiling && p.Terms.ClosesAt > clock.GetUtcNow()).Select(p => (p.Id, p.Terms.Name)).ToList();
    }
}
