using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.DockingEvents;

public class EventForm
{
    [Display(Name = "活动名称")][Required(ErrorMessage = "请填写活动名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Title { get; set; }
    [Display(Name = "举办日期")][Required(ErrorMessage = "请填写举办日期")] public DateOnly? HeldOn { get; set; }
    [Display(Name = "地点")][Required(ErrorMessage = "请填写活动地点")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Place { get; set; }
}

public sealed record EventView(DockingEvent Event, IReadOnlyList<(Guid Id, string Title, string Organization)> Needs, IReadOnlyList<(Guid Id, string Title, string Organization)> Results,
    bool IsOrganizer, IReadOnlyList<(Guid Id, string Title, bool IsNeed)> Candidates);

/// <summary>对接活动: announced to everyone; the organizing bureau, county or park adds the needs and results taking part and records outcomes.</summary>
[Route("docking-events")]
public class DockingEventsController(PortalDbContext db, ICurrentActor actor, DockingEventPermissions permissions, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        ViewData["CanOrganize"] = permissions.MayOrganize;
        return View(await db.DockingEvents.AsNoTracking().OrderByDescending(e => e.HeldOn).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpGet("new")]
    public IActionResult New() => permissions.MayOrganize ? View(new EventForm { HeldOn = Display.Today(clock).AddDays(14) }) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(EventForm form, CancellationToken ct)
    {
        if (!permissions.MayOrganize)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var organizer = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var e = DockingEvent.Plan(actor.OrganizationId, organizer, actor.RegionCode, form.Title!, form.HeldOn!.Value, form.Place!, clock.GetUtcNow());
        db.DockingEvents.Add(e);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "活动已发布，请添加参加的需求和成果。";
        return RedirectToAction(nameof(Details), new { id = e.Id });
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var e = await db.DockingEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }

        // Only what is still public is shown; a listing withdrawn since drops out of the page.
        var needs = await db.TechNeeds.AsNoTracking().Where(n => e.NeedIds.Contains(n.Id) && n.Status == ListingStatus.Published)
            .Select(n => new ValueTuple<Guid, string, string>(n.Id, n.Title, n.OrganizationName)).ToListAsync(ct);
        var results = await db.TechResults.AsNoTracking().Where(r => e.ResultIds.Contains(r.Id) && r.Status == ListingStatus.Published)
            .Select(r => new ValueTuple<Guid, string, string>(r.Id, r.Title, r.OrganizationName)).ToListAsync(ct);
        var organizer = permissions.Allows(DockingEventPermissions.Organize, e);
        var candidates = new List<(Guid, string, bool)>();
        if (organizer)
        {
            var region = permissions.CandidateRegion;
            candidates.AddRange((await db.TechNeeds.AsNoTracking().Where(n => n.Status == ListingStatus.Published && (region == null || n.RegionCode == region) && !e.NeedIds.Contains(n.Id))
                .OrderByDescending(n => n.PublishedAt).Take(30).Select(n => new { n.Id, n.Title }).ToListAsync(ct)).Select(n => (n.Id, n.Title, true)));
            candidates.AddRange((await db.TechResults.AsNoTracking().Where(r => r.Status == ListingStatus.Published && (region == null || r.RegionCode == region) && !e.ResultIds.Contains(r.Id))
                .OrderByDescending(r => r.PublishedAt).Take(30).Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => (r.Id, r.Title, false)));
        }

        return View(new EventView(e, needs, results, organizer, candidates));
    }

    [Authorize]
    [HttpPost("{id:guid}/listings")]
    public async Task<IActionResult> Include(Guid id, List<Guid>? needIds, List<Guid>? resultIds, uint version, CancellationToken ct)
    {
        var e = await db.DockingEvents.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(DockingEventPermissions.Organize, e))
        {
            return Forbid();
        }

        var (n, r) = (needIds ?? [], resultIds ?? []);
        var listings = new List<MarketListing>();
        listings.AddRange(await db.TechNeeds.AsNoTracking().Where(x => n.Contains(x.Id)).ToListAsync(ct));
        listings.AddRange(await db.TechResults.AsNoTracking().Where(x => r.Contains(x.Id)).ToListAsync(ct));
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        e.Include(listings);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已添加 {listings.Count} 项。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize]
    [HttpPost("{id:guid}/outcomes")]
    public async Task<IActionResult> Outcome(Guid id, string? text, decimal? amount, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.DockingEvents.SingleOrDefaultAsync(x => x.Id == id, ct),
            e => permissions.Allows(DockingEventPermissions.Organize, e), version,
            e => e.RecordOutcome(text ?? string.Empty, amount, Display.Today(clock)), "已登记活动成效。", e => $"/docking-events/{e.Id}", ct);
}
