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

namespace AnqingTechTransfer.Web.Features.Commissioners;

public class CommissionerForm
{
    [Display(Name = "类别")] public CommissionerKind Kind { get; set; } = CommissionerKind.DualChain;
    [Display(Name = "姓名")][Required(ErrorMessage = "请填写姓名")][StringLength(50, ErrorMessage = "不能超过50个字")] public string? Name { get; set; }
    [Display(Name = "所在单位")][Required(ErrorMessage = "请填写所在单位")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Employer { get; set; }
    [Display(Name = "服务的县区、园区或研发平台")][Required(ErrorMessage = "请填写服务的县区、园区或平台")][StringLength(500, ErrorMessage = "不能超过500个字")] public string? Serves { get; set; }
    [Display(Name = "年度")][Required(ErrorMessage = "请填写年度")] public int? Year { get; set; }
}

public sealed record CommissionerRow(Guid Id, CommissionerKind Kind, string Name, string Employer, string Serves, string RegionCode, int Assignments, int Logs);

public sealed record KindCount(CommissionerKind Kind, int Count, int? Target, int Logs);

public sealed record CommissionersView(int Year, CommissionerKind? Kind, PagedList<CommissionerRow> Rows, IReadOnlyList<KindCount> Counts, bool CanRegister);

/// <summary>
/// 科技情报员、双链融合专员、科技特派员、工业互联网服务专员: registered by the bureau, a county or a park for a year (and the
/// 工业互联网服务专员 by 市经信局, which leads them), with the enterprises assigned to them and their service logs; the yearly
/// counts stand against the plan's numbers. <see cref="CommissionerPermissions"/> decides.
/// </summary>
[Authorize]
[Route("commissioners")]
public class CommissionersController(PortalDbContext db, ICurrentActor actor, CommissionerPermissions permissions, TimeProvider clock) : Controller
{
    /// <summary>The commissioners this user reads: the tenant filter gives a municipal department the city's.</summary>
    private IQueryable<Commissioner> Readable => db.Commissioners;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CommissionerKind? kind, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.Reads)
        {
            return Forbid();
        }

        await permissions.LoadAsync(ct);
        var y = year ?? Display.Today(clock).Year;
        var ofYear = Readable.AsNoTracking().Where(c => c.Year == y);
        var counts = await ofYear.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var logs = (await ofYear.Select(c => new { c.Kind, c.Logs }).ToListAsync(ct)).GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Logs.Count));
        var rows = ofYear;
        if (kind is { } k)
        {
            rows = rows.Where(c => c.Kind == k);
        }

        // Assignments and logs are JSON documents: the page is loaded, then counted.
        var loaded = await rows.OrderBy(c => c.Kind).ThenBy(c => c.Name).ThenBy(c => c.Id).ToPagedListAsync(page, ct: ct);
        var page1 = new PagedList<CommissionerRow>
        {
            Items = loaded.Items.Select(c => new CommissionerRow(c.Id, c.Kind, c.Name, c.Employer, c.Serves, c.RegionCode, c.Assignments.Count, c.Logs.Count)).ToList(),
            Page = loaded.Page, PageSize = loaded.PageSize, Total = loaded.Total, IsCapped = loaded.IsCapped,
        };
        return View(new CommissionersView(y, kind, page1,
            Enum.GetValues<CommissionerKind>().Select(k => new KindCount(k, counts.SingleOrDefault(c => c.Key == k)?.Count ?? 0, Commissioner.YearTarget(k),
                logs.GetValueOrDefault(k))).ToList(), permissions.MayRegister));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (!(await permissions.LoadAsync(ct)).MayRegister)
        {
            return Forbid();
        }

        ViewData["Kinds"] = permissions.RegistrableKinds;
        var form = new CommissionerForm { Year = Display.Today(clock).Year };
        form.Kind = permissions.MayRegisterKind(form.Kind) ? form.Kind : permissions.RegistrableKinds[0];
        return View(form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(CommissionerForm form, CancellationToken ct)
    {
        if (!(await permissions.LoadAsync(ct)).MayRegister)
        {
            return Forbid();
        }

        // The kind decides before anything else: the lead department registers 工业互联网服务专员 only.
        if (!permissions.MayRegisterKind(form.Kind))
        {
            return Forbid();
        }

        ViewData["Kinds"] = permissions.RegistrableKinds;
        return await this.CreateAsync(db, form, () =>
        {
            var commissioner = Commissioner.Register(actor.OrganizationId, actor.RegionCode, form.Kind, form.Name!, form.Employer!, form.Serves!, form.Year!.Value,
                clock.GetUtcNow());
            db.Commissioners.Add(commissioner);
            return Task.FromResult($"/commissioners/{commissioner.Id}");
        }, "已登记。", ct);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var commissioner = await Readable.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commissioner is null)
        {
            return NotFound();
        }

        ViewData["CanEdit"] = await permissions.AllowsAsync(CommissionerPermissions.Edit, commissioner, ct);
        return View(commissioner);
    }

    [HttpPost("{id:guid}/assignments")]
    public Task<IActionResult> Assign(Guid id, string? enterpriseName, string? creditCode, uint version, CancellationToken ct) =>
        ActAsync(id, version, c => c.Assign(enterpriseName ?? string.Empty, creditCode ?? string.Empty, Display.Today(clock)), "已分配服务企业。", ct);

    [HttpPost("{id:guid}/logs")]
    public Task<IActionResult> Log(Guid id, DateOnly? on, ServiceKind kind, string? enterpriseName, string? text, uint version, CancellationToken ct) =>
        ActAsync(id, version, c => c.Log(on ?? Display.Today(clock), kind, enterpriseName ?? string.Empty, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow()),
            "已记录服务。", ct);

    /// <summary>The organization that registered a commissioner keeps their record (the bureau may help any; 市经信局 its kind).</summary>
    private async Task<IActionResult> ActAsync(Guid id, uint version, Action<Commissioner> act, string done, CancellationToken ct)
    {
        await permissions.LoadAsync(ct);
        return await this.RunAsync(db, await Readable.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CommissionerPermissions.Edit, c), version, act,
            done, c => $"/commissioners/{c.Id}", ct);
    }
}
