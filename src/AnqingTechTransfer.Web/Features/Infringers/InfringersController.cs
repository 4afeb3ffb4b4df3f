using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Infringers;

public class InfringerOptions
{
    public const string Section = "Infringers";

    /// <summary>Credit codes of the departments that keep the list (市市场监管局).</summary>
    public List<string> RecordingDepartments { get; set; } = [];
}

public class InfringerForm
{
    [Display(Name = "企业名称")]
    public string? EnterpriseName { get; set; }
    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }
    [Display(Name = "侵权类型")]
    public InfringementKind Kind { get; set; } = InfringementKind.Repeat;
    [Display(Name = "知识产权类型")]
    public InfringedRight Right { get; set; } = InfringedRight.Patent;
    [Display(Name = "决定书或判决书文号")]
    public string? DecisionNumber { get; set; }
    [Display(Name = "作出决定的机关")]
    public string? Authority { get; set; }
    [Display(Name = "决定日期")]
    public DateOnly? DecidedOn { get; set; }
    [Display(Name = "公布起始日")]
    public DateOnly? PublishFrom { get; set; }
    [Display(Name = "公布截止日")]
    public DateOnly? PublishUntil { get; set; }
}

public sealed record InfringerListView(PagedList<InfringerEntry> Entries, string? Query, bool IsRecorder, bool Manage, InfringerListing? Listing, DateOnly Today);

/// <summary>The enterprises on the list on a day: listed and within their publication period.</summary>
public class InfringerCheckHandler(PortalDbContext db) : Shared.IUseCase
{
    public static IQueryable<InfringerEntry> InForce(IQueryable<InfringerEntry> entries, DateOnly today) =>
        entries.Where(e => e.Listing == InfringerListing.Listed && e.PublishFrom <= today && e.PublishUntil >= today);

    public Task<bool> IsListedAsync(string creditCode, DateOnly today, CancellationToken ct)
    {
        var code = CreditCode.Normalize(creditCode);
        return InForce(db.InfringerEntries.AsNoTracking(), today).AnyAsync(e => e.CreditCode == code, ct);
    }
}

/// <summary>
/// 重复侵权、故意侵权企业名录: the market supervision bureau records entries and takes them off; the public sees those in
/// their publication period; the projects' formal check and the loan applications refuse listed enterprises.
/// </summary>
[Route("infringers")]
public class InfringersController(PortalDbContext db, ICurrentActor actor, InfringerPermissions permissions, TimeProvider clock) : Controller
{
    private Task<bool> IsRecorderAsync(CancellationToken ct) => permissions.RecordsAsync(ct);

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        var today = Display.Today(clock);
        var query = InfringerCheckHandler.InForce(db.InfringerEntries.AsNoTracking(), today);
        query = Search(query, q);
        var entries = await query.OrderByDescending(e => e.PublishFrom).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct);
        return View(new InfringerListView(entries, q, await IsRecorderAsync(ct), false, null, today));
    }

    [Authorize]
    [HttpGet("manage")]
    public async Task<IActionResult> Manage(string? q, InfringerListing? listing, int page = 1, CancellationToken ct = default)
    {
        if (!await permissions.ReadsAllAsync(ct))
        {
            return Forbid();
        }

        var recorder = await IsRecorderAsync(ct);

        var query = Search(db.InfringerEntries.AsNoTracking(), q);
        query = listing is { } l ? query.Where(e => e.Listing == l) : query;
        var entries = await query.OrderByDescending(e => e.RecordedAt).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct);
        return View("Index", new InfringerListView(entries, q, recorder, true, listing, Display.Today(clock)));
    }

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (!await IsRecorderAsync(ct))
        {
            return Forbid();
        }

        var today = Display.Today(clock);
        return View(new InfringerForm { DecidedOn = today, PublishFrom = today, PublishUntil = today.AddYears(3) });
    }

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(InfringerForm form, CancellationToken ct)
    {
        if (!await IsRecorderAsync(ct))
        {
            return Forbid();
        }

        return await this.CreateAsync(db, form, () =>
        {
            var entry = InfringerEntry.Record(form.EnterpriseName ?? string.Empty, form.CreditCode ?? string.Empty, form.Kind, form.Right, form.DecisionNumber ?? string.Empty,
                form.Authority ?? string.Empty, form.DecidedOn ?? throw new DomainException("请填写决定日期", nameof(InfringerEntry.DecidedOn)),
                form.PublishFrom ?? throw new DomainException("请填写公布起始日", nameof(InfringerEntry.PublishFrom)),
                form.PublishUntil ?? throw new DomainException("请填写公布截止日", nameof(InfringerEntry.PublishUntil)), actor.OrganizationId, clock.GetUtcNow());
            db.InfringerEntries.Add(entry);
            return Task.FromResult("/infringers/manage");
        }, "已列入名录。", ct);
    }

    [Authorize]
    [HttpPost("{id:guid}/take-off")]
    public async Task<IActionResult> TakeOff(Guid id, InfringerListing outcome, string? reason, uint version, CancellationToken ct)
    {
        var recorder = await IsRecorderAsync(ct);
        return await this.RunAsync(db, await db.InfringerEntries.SingleOrDefaultAsync(e => e.Id == id, ct), _ => recorder, version,
            e => e.TakeOff(outcome, reason ?? string.Empty, Display.Today(clock)), outcome == InfringerListing.CreditRepaired ? "已办理信用修复并移出名录。" : "已移出名录。",
            _ => "/infringers/manage", ct);
    }

    private static IQueryable<InfringerEntry> Search(IQueryable<InfringerEntry> query, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return query;
        }

        var term = q.Trim();
        var code = CreditCode.Normalize(term);
        return query.Where(e => e.EnterpriseName.Contains(term) || e.CreditCode == code);
    }
}
