using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Enterprises;

public class HighTechForm
{
    [Display(Name = "证书编号")]
    [Required(ErrorMessage = "请填写证书编号")]
    [StringLength(30, ErrorMessage = "证书编号不能超过30个字符")]
    public string Number { get; set; } = string.Empty;

    [Display(Name = "发证日期")]
    [Required(ErrorMessage = "请填写发证日期")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "认定方式")]
    public HighTechMode Mode { get; set; } = HighTechMode.Recognition;

    [Display(Name = "技术领域")]
    [Required(ErrorMessage = "请选择技术领域")]
    [StringLength(20)]
    public string FieldCode { get; set; } = string.Empty;
}

public class TechSmeForm
{
    [Display(Name = "评价年度")]
    [Required(ErrorMessage = "请填写评价年度")]
    [Range(2017, 2100, ErrorMessage = "评价年度不在有效范围内")]
    public int? Year { get; set; }

    [Display(Name = "入库登记编号")]
    [Required(ErrorMessage = "请填写入库登记编号")]
    [StringLength(30, ErrorMessage = "入库登记编号不能超过30个字符")]
    public string Number { get; set; } = string.Empty;
}

public class SpecializedForm
{
    [Display(Name = "级别")]
    [Required(ErrorMessage = "请选择级别")]
    public SpecializedLevel? Level { get; set; }

    [Display(Name = "认定年度")]
    [Required(ErrorMessage = "请填写认定年度")]
    [Range(2011, 2100, ErrorMessage = "认定年度不在有效范围内")]
    public int? Year { get; set; }
}

public sealed record SpecializedRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, SpecializedLevel Level, int Year, Confirmation Confirmation, uint Version);

public sealed record TechSmeRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, int Year, string Number, Confirmation Confirmation, string? Warning, uint Version);

public sealed record HighTechRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, string Number, DateOnly IssuedOn, DateOnly ValidUntil,
    HighTechMode Mode, string FieldCode, Confirmation Confirmation, string? Warning, uint Version);

/// <summary>
/// 企业资质: high-tech certificates entered by enterprises and confirmed by their county, park or the bureau. Each user
/// sees the records of their scope (tenant filter); only confirmed records count toward the indicators.
/// </summary>
[Authorize]
[Route("enterprises")]
public class EnterprisesController(PortalDbContext db, ICurrentActor actor, EnterprisePermissions permissions, CodeTables.CodeTableLookupHandler codes,
    QualificationCountHandler counts, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Confirmation? confirmation, string? q, int? year, string? region, int? countedIn, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.Reads)
        {
            return Forbid();
        }

        ListState(confirmation, q, region);
        ViewData["CountedIn"] = countedIn;
        ViewData["Fields"] = await codes.NamesAsync(Domain.CodeTables.CodeTableCatalog.HnteField, ct);
        if (!permissions.Enters)
        {
            // The headline counts of the year for the user's scope, by county and park, with the counting rules stated on the page.
            var current = Display.Local(clock.GetUtcNow()).Year;
            var chosen = year is >= 2017 && year <= current ? year.Value : current;
            ViewData["Year"] = chosen;
            ViewData["CurrentYear"] = current;
            ViewData["HighTechCounts"] = await counts.HighTechByRegionAsync(chosen, ct);
            ViewData["TechSmeCounts"] = await counts.TechSmesByRegionAsync(chosen, ct);
        }

        return View(await Query(confirmation, q, region, countedIn).ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(Confirmation? confirmation, string? q, string? region, int? countedIn, CancellationToken ct)
    {
        if (!permissions.Reads)
        {
            return Forbid();
        }

        var rows = await Query(confirmation, q, region, countedIn).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", Domain.Audit.AuditOutcome.Success, nameof(HighTechRecord), null, $"高新技术企业证书 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(rows.Select(r => new HighTechExportRow
        {
            Enterprise = r.EnterpriseName, CreditCode = r.CreditCode, Region = AnqingRegions.NameOf(r.RegionCode), Number = r.Number,
            IssuedOn = Display.Date(r.IssuedOn), ValidUntil = Display.Date(r.ValidUntil), Status = ConfirmationName(r.Confirmation),
        }), "高新技术企业证书", clock);
    }

    [HttpGet("high-tech/new")]
    public async Task<IActionResult> NewHighTech(CancellationToken ct)
    {
        if (!permissions.Enters)
        {
            return Forbid();
        }

        ViewData["Fields"] = await codes.ActiveAsync(Domain.CodeTables.CodeTableCatalog.HnteField, ct);
        return View(new HighTechForm());
    }

    [HttpPost("high-tech/new")]
    public async Task<IActionResult> NewHighTech(HighTechForm form, CancellationToken ct)
    {
        if (!permissions.Enters)
        {
            return Forbid();
        }

        // Model binding turns empty fields into null, whatever the property's initial value.
        form.Number ??= string.Empty;
        form.FieldCode ??= string.Empty;
        if (form.FieldCode.Length > 0 && !await codes.IsActiveAsync(Domain.CodeTables.CodeTableCatalog.HnteField, form.FieldCode, ct))
        {
            ModelState.AddModelError(nameof(form.FieldCode), "请从列表中选择");
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var number = form.Number.Trim().ToUpperInvariant();
        if (ModelState.IsValid && await db.HighTechRecords.AnyAsync(r => r.CreditCode == own.CreditCode && r.Number == number, ct))
        {
            ModelState.AddModelError(nameof(form.Number), "该证书已登记");
        }

        if (!ModelState.IsValid)
        {
            ViewData["Fields"] = await codes.ActiveAsync(Domain.CodeTables.CodeTableCatalog.HnteField, ct);
            return View(form);
        }

        var record = HighTechRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, number, form.IssuedOn!.Value, form.Mode, form.FieldCode,
            QualificationSource.Entered, clock.GetUtcNow());
        db.HighTechRecords.Add(record);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = record.Warning is null
            ? "已提交，待所在县（市、区）、园区或市科技局确认后计入统计。"
            : $"已提交，待确认后计入统计。提示：{record.Warning}";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("high-tech/{id:guid}/confirm")]
    public Task<IActionResult> Confirm(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.HighTechRecords, id, version, r => r.Confirm(), "已确认，该证书计入高新技术企业统计。", nameof(Index), ct);

    [HttpPost("high-tech/{id:guid}/reject")]
    public Task<IActionResult> Reject(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.HighTechRecords, id, version, r => r.Reject(), "已退回。", nameof(Index), ct);

    [HttpGet("tech-sme")]
    public async Task<IActionResult> TechSmes(Confirmation? confirmation, string? q, int? year, string? region, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.Reads)
        {
            return Forbid();
        }

        ListState(confirmation, q, region);
        ViewData["Year"] = year;
        ViewData["CurrentYear"] = Display.Local(clock.GetUtcNow()).Year;
        var query = Filter(db.TechSmeRecords.AsNoTracking(), confirmation, region);
        if (year is >= 2017 and <= 2100)
        {
            query = query.Where(r => r.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, "%" + q.Trim() + "%") || r.CreditCode == term || r.Number == term);
        }

        return View(await query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.Year).ThenBy(r => r.EnterpriseName).ThenBy(r => r.Id)
            .Select(r => new TechSmeRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Year, r.Number, r.Confirmation, r.Warning, r.Version))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("tech-sme/new")]
    public IActionResult NewTechSme() => permissions.Enters ? View(new TechSmeForm { Year = Display.Local(clock.GetUtcNow()).Year }) : Forbid();

    [HttpPost("tech-sme/new")]
    public async Task<IActionResult> NewTechSme(TechSmeForm form, CancellationToken ct)
    {
        if (!permissions.Enters)
        {
            return Forbid();
        }

        form.Number ??= string.Empty;
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        if (ModelState.IsValid && await db.TechSmeRecords.AnyAsync(r => r.CreditCode == own.CreditCode && r.Year == form.Year, ct))
        {
            ModelState.AddModelError(nameof(form.Year), "该年度的入库登记已登记");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        TechSmeRecord record;
        try
        {
            record = TechSmeRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, form.Year!.Value, form.Number, QualificationSource.Entered, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(form);
        }

        db.TechSmeRecords.Add(record);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = record.Warning is null
            ? "已提交，待所在县（市、区）、园区或市科技局确认后计入统计。"
            : $"已提交，待确认后计入统计。提示：{record.Warning}";
        return RedirectToAction(nameof(TechSmes));
    }

    [HttpPost("tech-sme/{id:guid}/confirm")]
    public Task<IActionResult> ConfirmTechSme(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.TechSmeRecords, id, version, r => r.Confirm(), "已确认，该企业计入当年科技型中小企业统计。", nameof(TechSmes), ct);

    [HttpPost("tech-sme/{id:guid}/reject")]
    public Task<IActionResult> RejectTechSme(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.TechSmeRecords, id, version, r => r.Reject(), "已退回。", nameof(TechSmes), ct);

    [HttpGet("specialized")]
    public async Task<IActionResult> Specialized(Confirmation? confirmation, string? q, SpecializedLevel? level, string? region, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.Reads)
        {
            return Forbid();
        }

        ListState(confirmation, q, region);
        ViewData["Level"] = level;
        var query = Filter(db.SpecializedRecords.AsNoTracking(), confirmation, region);
        if (level is { } l)
        {
            query = query.Where(r => r.Level == l);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, "%" + q.Trim() + "%") || r.CreditCode == term);
        }

        return View(await query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.Year).ThenBy(r => r.EnterpriseName).ThenBy(r => r.Id)
            .Select(r => new SpecializedRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Level, r.Year, r.Confirmation, r.Version))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("specialized/new")]
    public IActionResult NewSpecialized() => permissions.Enters ? View(new SpecializedForm { Year = Display.Local(clock.GetUtcNow()).Year }) : Forbid();

    [HttpPost("specialized/new")]
    public async Task<IActionResult> NewSpecialized(SpecializedForm form, CancellationToken ct)
    {
        if (!permissions.Enters)
        {
            return Forbid();
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        if (ModelState.IsValid && await db.SpecializedRecords.AnyAsync(r => r.CreditCode == own.CreditCode && r.Level == form.Level && r.Year == form.Year, ct))
        {
            ModelState.AddModelError(nameof(form.Year), "该级别、该年度的认定已登记");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            db.SpecializedRecords.Add(SpecializedRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, form.Level!.Value, form.Year!.Value,
                QualificationSource.Entered, clock.GetUtcNow()));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(form);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已提交，待所在县（市、区）、园区或市科技局确认。";
        return RedirectToAction(nameof(Specialized));
    }

    [HttpPost("specialized/{id:guid}/confirm")]
    public Task<IActionResult> ConfirmSpecialized(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.SpecializedRecords, id, version, r => r.Confirm(), "已确认。", nameof(Specialized), ct);

    [HttpPost("specialized/{id:guid}/reject")]
    public Task<IActionResult> RejectSpecialized(Guid id, uint version, CancellationToken ct) =>
        DecideAsync(db.SpecializedRecords, id, version, r => r.Reject(), "已退回。", nameof(Specialized), ct);

    private async Task<IActionResult> DecideAsync<T>(DbSet<T> set, Guid id, uint version, Action<T> decide, string done, string back, CancellationToken ct)
        where T : QualificationRecord
    {
        var record = await set.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }

        if (!permissions.Confirms)
        {
            return Forbid();
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        decide(record);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(back);
    }

    private IQueryable<HighTechRow> Query(Confirmation? confirmation, string? q, string? region, int? countedIn)
    {
        var query = Filter(db.HighTechRecords.AsNoTracking(), confirmation, region);
        if (countedIn is >= 2000 and <= 2100)
        {
            // The cockpit's drill-down: the confirmed certificates valid on 31 December of the year (an enterprise
            // re-recognised that year shows both certificates; it counts once).
            var yearEnd = new DateOnly(countedIn.Value, 12, 31);
            query = query.Where(r => r.Confirmation == Confirmation.Confirmed && r.IssuedOn <= yearEnd && r.ValidUntil >= yearEnd);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, "%" + q.Trim() + "%") || r.CreditCode == term || r.Number == term);
        }

        return query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new HighTechRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Number, r.IssuedOn, r.ValidUntil, r.Mode, r.FieldCode, r.Confirmation, r.Warning, r.Version));
    }

    /// <summary>What every qualification list page shows whatever its kind: the filters chosen and what the user may do.</summary>
    private void ListState(Confirmation? confirmation, string? q, string? region)
    {
        ViewData["Confirmation"] = confirmation;
        ViewData["Q"] = q;
        ViewData["Region"] = region;
        ViewData["CanConfirm"] = permissions.Confirms;
        ViewData["IsEnterprise"] = permissions.Enters;
    }

    /// <summary>The filters every qualification list offers: status and county or park (the tenant filter applies first).</summary>
    private static IQueryable<T> Filter<T>(IQueryable<T> query, Confirmation? confirmation, string? region) where T : QualificationRecord
    {
        if (confirmation is { } c)
        {
            query = query.Where(r => r.Confirmation == c);
        }

        return string.IsNullOrEmpty(region) || region == AnqingRegions.City ? query : query.Where(r => r.RegionCode == region);
    }

    public static string ConfirmationName(Confirmation confirmation) => confirmation switch
    {
        Confirmation.Pending => "待确认",
        Confirmation.Confirmed => "已确认",
        Confirmation.Rejected => "已退回",
        _ => confirmation.ToString(),
    };

    public sealed class HighTechExportRow
    {
        [ExcelColumnName("企业名称")] public string Enterprise { get; init; } = string.Empty;
        [ExcelColumnName("统一社会信用代码")] public string CreditCode { get; init; } = string.Empty;
        [ExcelColumnName("所在地区")] public string Region { get; init; } = string.Empty;
        [ExcelColumnName("证书编号")] public string Number { get; init; } = string.Empty;
        [ExcelColumnName("发证日期")] public string IssuedOn { get; init; } = string.Empty;
        [ExcelColumnName("有效期至")] public string ValidUntil { get; init; } = string.Empty;
        [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
    }
}
