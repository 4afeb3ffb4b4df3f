using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers;

public sealed record CarrierView(Carrier Carrier, bool IsHost, bool IsKeeper, bool IsBureau, bool RequestsServices, IReadOnlyList<RecognitionApplication> Recognitions,
    IReadOnlyList<PerformanceReport> Reports, IReadOnlyList<PilotService> Services, int Year);

/// <summary>
/// 创新平台与载体: the public catalogue; counties, parks and the bureau keep the records of their region; the host keeps its
/// own profile, applies for recognition and files its yearly report; the bureau decides and assesses.
/// </summary>
[Route("carriers")]
public class CarriersController(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CarrierType? type, CarrierLevel? level, string? region, CarrierStatus? status, int page = 1, CancellationToken ct = default)
    {
        var query = db.Carriers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.HostName, pattern));
        }

        query = type is { } t ? query.Where(c => c.Type == t) : query;
        query = level is { } l ? query.Where(c => c.Level == l) : query;
        query = string.IsNullOrEmpty(region) ? query : query.Where(c => c.RegionCode == region);
        query = status is { } s ? query.Where(c => c.Status == s) : query;
        ViewData["Query"] = new CarrierQuery(q, type, level, region, status);
        ViewData["CanRegister"] = permissions.Registers;
        return View(await query.OrderBy(c => c.Type).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CarrierRow(c.Id, c.Name, c.Type, c.Level, c.HostName, c.RegionCode, c.RecognitionYear, c.Status)).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpGet("new")]
    public IActionResult New() => permissions.Registers ? View(new CarrierForm { RegionCode = permissions.KeepsOwnRegion ? actor.RegionCode : null }) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(CarrierForm form, CancellationToken ct)
    {
        if (!permissions.Registers)
        {
            return Forbid();
        }

        // A county or park registers in its own region only.
        var region = permissions.KeepsOwnRegion ? actor.RegionCode : form.RegionCode ?? string.Empty;
        if (permissions.Decides && AnqingRegions.All.All(r => r.Code != region))
        {
            ModelState.AddModelError(nameof(form.RegionCode), "请选择所在县（市、区）或园区");
        }

        var code = CreditCode.Normalize(form.HostCreditCode ?? string.Empty);
        if (code.Length > 0 && CreditCode.Check(code) == CreditCodeVerdict.InvalidFormat)
        {
            ModelState.AddModelError(nameof(form.HostCreditCode), "统一社会信用代码格式不正确");
        }

        // The host is linked to its portal organization by credit code, so it can keep its own profile.
        var host = code.Length == 0 || !ModelState.IsValid ? Guid.Empty : await HostAsync(code, ct);
        return await this.CreateAsync(db, form, () =>
        {
            var carrier = Carrier.Register(form.Name!, form.Type, form.Level, host, form.HostName!, code, form.CoBuilder ?? string.Empty, region, form.RecognitionYear,
                form.Batch ?? string.Empty, form.Status, clock.GetUtcNow());
            db.Carriers.Add(carrier);
            return Task.FromResult($"/carriers/{carrier.Id}");
        }, host == Guid.Empty ? "已登记。依托单位尚未在平台注册，注册后可自行维护载体信息。" : "已登记，依托单位可自行维护载体信息。", ct);
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return NotFound();
        }

        var isHost = permissions.IsHost(carrier);
        var isKeeper = permissions.IsKeeper(carrier);
        var inside = isHost || isKeeper;
        var recognitions = inside ? await db.RecognitionApplications.AsNoTracking().Where(a => a.CarrierId == id).OrderByDescending(a => a.SubmittedAt).ToListAsync(ct) : [];
        var reports = inside ? await db.PerformanceReports.AsNoTracking().Where(r => r.CarrierId == id).OrderByDescending(r => r.Year).ToListAsync(ct) : [];
        var services = await db.PilotServices.AsNoTracking().Where(s => s.CarrierId == id).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return View(new CarrierView(carrier, isHost, isKeeper, permissions.Decides, permissions.RequestsServices, recognitions, reports, services, Display.Today(clock).Year));
    }

    [Authorize]
    [HttpPost("{id:guid}/profile")]
    public Task<IActionResult> Profile(Guid id, string? contactName, string? contactPhone, string? capabilities, string? brokers, uint version, CancellationToken ct) =>
        ActAsync(id, version, CarrierPermissions.Host, c => c.UpdateProfile(contactName ?? string.Empty, contactPhone ?? string.Empty, capabilities ?? string.Empty,
            (brokers ?? string.Empty).Split(['\n', ',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), "已更新载体信息。", ct);

    [Authorize]
    [HttpPost("{id:guid}/revoke")]
    public Task<IActionResult> Revoke(Guid id, string? reason, uint version, CancellationToken ct) =>
        ActAsync(id, version, CarrierPermissions.Keep, c => c.Revoke(reason ?? string.Empty), "已撤销。", ct);

    /// <summary>A host applies for a municipal recognition; its county or park nominates it for a provincial one.</summary>
    [Authorize]
    [HttpPost("{id:guid}/recognitions")]
    public async Task<IActionResult> Apply(Guid id, CarrierLevel level, string? statement, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(CarrierPermissions.Apply, carrier))
        {
            return Forbid();
        }

        if (await db.RecognitionApplications.AnyAsync(a => a.CarrierId == id && a.Status == RecognitionStatus.Submitted, ct))
        {
            throw new DomainException("该载体已有待认定的申请");
        }

        db.RecognitionApplications.Add(RecognitionApplication.Apply(carrier, actor.OrganizationId, permissions.Nominates(carrier) && !permissions.IsHost(carrier), level, statement ?? string.Empty,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "认定申请已提交市科技局。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize]
    [HttpPost("recognitions/{applicationId:guid}/decide")]
    public async Task<IActionResult> Decide(Guid applicationId, bool approve, string? reason, string? batch, uint version, CancellationToken ct)
    {
        var application = await db.RecognitionApplications.SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.Decides)
        {
            return Forbid();
        }

        var carrier = await db.Carriers.SingleAsync(c => c.Id == application.CarrierId, ct);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.Decide(carrier, approve, reason ?? string.Empty, Display.Today(clock).Year, batch ?? string.Empty);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = approve ? "已予以认定。" : "已作出不予认定的决定。";
        return RedirectToAction(nameof(Details), new { id = carrier.Id });
    }

    /// <summary>The host files its yearly indicators (the ones its kind of carrier is asked for).</summary>
    [Authorize]
    [HttpPost("{id:guid}/reports")]
    public async Task<IActionResult> Report(Guid id, int year, Dictionary<string, decimal>? indicators, string? summary, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(CarrierPermissions.Host, carrier))
        {
            return Forbid();
        }

        if (await db.PerformanceReports.AnyAsync(r => r.CarrierId == id && r.Year == year, ct))
        {
            throw new DomainException($"{year} 年度报告已提交");
        }

        db.PerformanceReports.Add(PerformanceReport.File(carrier, year, (indicators ?? []).Select(i => new IndicatorValue(i.Key, i.Value)).ToList(), summary ?? string.Empty,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "年度报告已提交。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize]
    [HttpPost("reports/{reportId:guid}/assess")]
    public async Task<IActionResult> Assess(Guid reportId, Assessment assessment, string? comment, uint version, CancellationToken ct)
    {
        var report = await db.PerformanceReports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (!permissions.Decides)
        {
            return Forbid();
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.Assess(assessment, comment ?? string.Empty);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已评价。";
        return RedirectToAction(nameof(Details), new { id = report.CarrierId });
    }

    private async Task<Guid> HostAsync(string creditCode, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.CreditCode == creditCode).Select(o => o.Id).SingleOrDefaultAsync(ct);

    private async Task<IActionResult> ActAsync(Guid id, uint version, OperationAuthorizationRequirement operation, Action<Carrier> act, string done, CancellationToken ct) =>
        await this.RunAsync(db, await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(operation, c), version, act, done,
            c => $"/carriers/{c.Id}", ct);
}
