using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

public sealed record ListedProblem(Guid Id, string Title, string EnterpriseName, string Targets, decimal OwnFunds, DateOnly Deadline, Guid? ProgrammeId);

public sealed record ProjectsHome(IReadOnlyList<Call> Calls, IReadOnlyList<ListedProblem> Listed, bool IsBureau);

/// <summary>
/// 市科技计划项目: the public face (calls and the 揭榜 list, open to everyone) and the bureau's management of the yearly
/// call and its programmes.
/// </summary>
[Route("projects")]
public class ProjectsController(PortalDbContext db, ProjectPermissions permissions, TimeProvider clock) : Controller
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var calls = await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).Where(c => c.Status != CallStatus.Draft)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).Take(5).ToListAsync(ct);
        var listed = await PublicListAsync(ct);
        return View(new ProjectsHome(calls, listed, permissions.ManagesPlan));
    }

    [Authorize]
    [HttpGet("calls")]
    public async Task<IActionResult> Calls(CancellationToken ct) =>
        permissions.ManagesPlan ? View(await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToListAsync(ct)) : Forbid();

    [Authorize]
    [HttpGet("calls/new")]
    public IActionResult NewCall() => permissions.ManagesPlan ? View(new CallForm { Year = clock.GetUtcNow().ToOffset(Beijing).Year + 1 }) : Forbid();

    [Authorize]
    [HttpPost("calls/new")]
    public async Task<IActionResult> NewCall(CallForm form, CancellationToken ct)
    {
        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        form.Title ??= string.Empty;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var call = Domain.Projects.Call.Draft(form.Year!.Value, form.Title, clock.GetUtcNow());
        db.ProjectCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Call), new { id = call.Id });
    }

    [Authorize]
    [HttpGet("calls/{id:guid}")]
    public async Task<IActionResult> Call(Guid id, CancellationToken ct)
    {
        var call = await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return NotFound();
        }

        ViewData["Form"] = new ProgrammeForm
        {
            OpensAt = clock.GetUtcNow().ToOffset(Beijing).Date.AddDays(1).AddHours(8), ClosesAt = clock.GetUtcNow().ToOffset(Beijing).Date.AddDays(31).AddHours(17),
        };
        return permissions.ManagesPlan ? View(call) : Forbid();
    }

    [Authorize]
    [HttpPost("calls/{id:guid}/programmes")]
    public async Task<IActionResult> AddProgramme(Guid id, ProgrammeForm form, CancellationToken ct)
    {
        var call = await db.ProjectCalls.Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        form.Name ??= string.Empty;
        if (ModelState.IsValid)
        {
            try
            {
                var terms = new ProgrammeTerms(form.Name.Trim(), form.Mode, form.Budget!.Value, new DateTimeOffset(form.OpensAt!.Value, Beijing).ToUniversalTime(),
                    new DateTimeOffset(form.ClosesAt!.Value, Beijing).ToUniversalTime(), form.CapPerOrganization, form.CapForEnterprises, form.IsTackling,
                    (form.RequiredAttachments ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
                    string.IsNullOrWhiteSpace(form.DirectedCreditCode) ? null : form.DirectedCreditCode.Trim().ToUpperInvariant(), form.MaxAward!.Value);
                db.Add(call.AddProgramme(terms, clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
                TempData[DomainExceptionFilter.FlashSuccess] = "已增加专项。";
                return RedirectToAction(nameof(Call), new { id });
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            }
        }

        ViewData["Form"] = form;
        return View(nameof(Call), call);
    }

    [Authorize]
    [HttpPost("calls/{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, uint version, CancellationToken ct)
    {
        var call = await db.ProjectCalls.Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        db.Entry(call).Property(c => c.Version).OriginalValue = version;
        call.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "指南已发布，公众可在“科技计划项目”页面查看。";
        return RedirectToAction(nameof(Call), new { id });
    }

    /// <summary>The 揭榜 list is public: the problems the bureau listed, without the enterprise's internal data beyond what it posted.</summary>
    private Task<List<ListedProblem>> PublicListAsync(CancellationToken ct) =>
        ProblemsController.Listed(db).Select(p => new ListedProblem(p.Id, p.Title, p.EnterpriseName, p.Targets, p.OwnFunds, p.Deadline, p.ProgrammeId)).ToListAsync(ct);
}
