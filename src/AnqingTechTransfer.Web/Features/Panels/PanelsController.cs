using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Experts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Panels;

public sealed record PanelRow(Guid Id, string Title, string SubjectKind, string ApplicantName, DateOnly ReviewDate, PanelStatus Status, decimal? Result);

public sealed record SeatView(PanelMember Member, string? ExpertName, string? Employer);

public sealed record PanelView(ReviewPanel Panel, IReadOnlyList<SeatView> Seats, bool Recused, IReadOnlyDictionary<Guid, string> PoolNames,
    IReadOnlyList<Conflict> NewConflicts);

/// <summary>
/// 评审组: the bureau creates a review, draws its experts, designates the chief expert, replaces no-shows and publishes
/// the result. Who sits on a panel is read only through the seats' tenant filter: a bureau user who recuses from a panel,
/// and the applicant, see no names before publicity on any page here or in the export.
/// </summary>
[Authorize]
[Route("panels")]
public class PanelsController(PortalDbContext db, ICurrentActor actor, PanelPermissions permissions, PanelDrawHandler drawer, CodeTables.CodeTableLookupHandler codes,
    PersonalDataProtector ids, TimeProvider clock) : Controller
{
    private DateOnly Today => Display.Today(clock);

    [HttpGet("")]
    public async Task<IActionResult> Index(PanelStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        ViewData["Status"] = status;
        var query = db.ReviewPanels.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return View(await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new PanelRow(p.Id, p.Title, p.SubjectKind, p.Subject.ApplicantName, p.ReviewDate, p.Status, p.Result)).ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("new")]
    public IActionResult New() => permissions.ManagesPanels ? View(new PanelForm { ReviewDate = Today.AddDays(14) }) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New(PanelForm form, CancellationToken ct)
    {
        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        form.Title ??= string.Empty;
        form.ApplicantName ??= string.Empty;
        form.ApplicantCreditCode = (form.ApplicantCreditCode ?? string.Empty).Trim().ToUpperInvariant();
        form.Rubric ??= string.Empty;
        if (form.ApplicantCreditCode.Length > 0 && CreditCode.Check(form.ApplicantCreditCode) == CreditCodeVerdict.InvalidFormat)
        {
            ModelState.AddModelError(nameof(form.ApplicantCreditCode), "统一社会信用代码格式不正确");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            var subject = new ReviewSubject(form.ApplicantName.Trim(), form.ApplicantCreditCode, form.PartnerCodes(), await form.TeamAsync(id => ids.KeyOfAsync(id, ct)),
                form.AvoidRequests());
            var applicant = await db.Organizations.AsNoTracking().Where(o => o.CreditCode == form.ApplicantCreditCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            var panel = ReviewPanel.Create(form.Title, PanelForm.Kinds.Contains(form.SubjectKind) ? form.SubjectKind : "其他", subject, applicant, form.RubricItems(),
                form.Aggregation, form.ChiefWeight, form.ReviewDate!.Value, actor.UserId, clock.GetUtcNow());
            db.ReviewPanels.Add(panel);
            await db.SaveChangesAsync(ct);
            return RedirectToAction(nameof(Details), new { id = panel.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            return View(form);
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        ViewData["Fields"] = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        return View(await ViewOfAsync(panel, ct));
    }

    [HttpPost("{id:guid}/draw")]
    public async Task<IActionResult> Draw(Guid id, DrawForm form, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return Forbid();
        }

        var criteria = new DrawCriteria(form.FieldCodes ?? [], (form.Types ?? []).Aggregate(ExpertTypes.None, (a, t) => a | t), form.Count, form.Reserves,
            form.PerEmployerCap, form.MinOutside, form.MinCredit, panel.ReviewDate);
        await drawer.DrawAsync(panel, criteria, Today, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已随机抽取专家。抽取记录（随机种子、候选名单、排除原因）已存档，可随时复核。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/replay")]
    public async Task<IActionResult> Replay(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        if (panel.Draw is null)
        {
            TempData[DomainExceptionFilter.FlashError] = "尚未抽取专家。";
        }
        else if (ExpertDraw.Replays(panel.Draw))
        {
            TempData[DomainExceptionFilter.FlashSuccess] = $"复核一致：按存档的随机种子 {panel.Draw.Seed} 和候选名单重新抽取，结果与存档相同。";
        }
        else
        {
            TempData[DomainExceptionFilter.FlashError] = "复核不一致：存档记录与重新抽取的结果不同，请核查。";
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/chief")]
    public Task<IActionResult> Chief(Guid id, Guid memberId, CancellationToken ct) =>
        ActAsync(id, p => p.DesignateChief(memberId), "已指定首席专家。", ct);

    [HttpPost("{id:guid}/members/{memberId:guid}/no-show")]
    public async Task<IActionResult> NoShow(Guid id, Guid memberId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return Forbid();
        }

        var member = panel.Members.FirstOrDefault(m => m.Id == memberId);
        var replacement = panel.MarkNoShow(memberId);
        if (member is not null && await db.Experts.Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == member.ExpertId, ct) is { } expert)
        {
            db.Add(expert.Record(IntegrityEventKind.NoShow, $"评审“{panel.Title}”缺席", Sanction.None, null, actor.DisplayName, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = replacement is null ? "已记录缺席；没有可递补的备选专家。" : "已记录缺席，并由备选专家递补。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/members/{memberId:guid}/exclude")]
    public async Task<IActionResult> Exclude(Guid id, Guid memberId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return Forbid();
        }

        var member = panel.Members.FirstOrDefault(m => m.Id == memberId);
        var expert = member is null ? null : await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == member.ExpertId, ct);
        var conflict = expert is null ? null : (await drawer.ConflictsAsync(panel.Subject, [expert], Today, ct)).FirstOrDefault();
        if (conflict is null)
        {
            TempData[DomainExceptionFilter.FlashError] = "按现有数据未发现该专家的回避情形。";
            return RedirectToAction(nameof(Details), new { id });
        }

        var replacement = panel.Exclude(memberId, $"{conflict.Rule.Name()}：{conflict.Evidence}");
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = replacement is null ? "该专家已回避；没有可递补的备选专家。" : "该专家已回避，并由备选专家递补。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/recuse")]
    public async Task<IActionResult> Recuse(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        panel.Recuse(actor.UserId);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已登记回避：公示前您将看不到该评审组的专家名单，也不能办理抽取和递补。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/publish")]
    public Task<IActionResult> Publish(Guid id, CancellationToken ct) => ActAsync(id, p => p.Publish(clock.GetUtcNow()), "已公示评审结果和专家名单。", ct);

    [HttpGet("{id:guid}/export")]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        var view = await ViewOfAsync(panel, ct);
        db.Audit("导出", Domain.Audit.AuditOutcome.Success, nameof(ReviewPanel), panel.Id.ToString(), $"评审组名单 {view.Seats.Count} 人");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(view.Seats.Select(s => new SeatExportRow
        {
            Name = s.ExpertName ?? "（保密）", Employer = s.Employer ?? "", Role = s.Member.IsChief ? "首席专家" : s.Member.Role == MemberRole.Member ? "评审专家" : "备选",
            State = ExpertNames.State(s.Member.State), Total = s.Member.State == MemberState.Scored ? s.Member.Total : null,
        }), "评审组名单", clock);
    }

    private async Task<IActionResult> ActAsync(Guid id, Action<ReviewPanel> act, string done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is not { } panel)
        {
            return NotFound();
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return Forbid();
        }

        act(panel);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<ReviewPanel?> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.ReviewPanels.Include(p => p.Members).Where(p => p.Id == id);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    /// <summary>The seats this user may see (the filter decides) with the names of the experts on them.</summary>
    private async Task<PanelView> ViewOfAsync(ReviewPanel panel, CancellationToken ct)
    {
        var panelId = panel.Id;
        var seats = await db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panelId).OrderBy(m => m.Order).ToListAsync(ct);
        var expertIds = seats.Select(s => s.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var recused = permissions.HasRecused(panel);
        // Conflicts are recomputed from today's data on every view of a panel under review, not only at the draw.
        var sitting = seats.Where(s => s.IsActive).Select(s => s.ExpertId).ToHashSet();
        var newConflicts = panel.Status == PanelStatus.Drawn && !recused
            ? await drawer.ConflictsAsync(panel.Subject, experts.Values.Where(e => sitting.Contains(e.Id)).ToList(), Today, ct)
            : [];
        return new PanelView(panel, seats.Select(s => new SeatView(s, experts.GetValueOrDefault(s.ExpertId)?.Name, experts.GetValueOrDefault(s.ExpertId)?.Profile.EmployerName)).ToList(),
            recused, recused ? new Dictionary<Guid, string>() : await PoolNamesAsync(panel, ct), newConflicts);
    }

    /// <summary>The names behind the draw record's exclusions, for the bureau user who may see the panel.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> PoolNamesAsync(ReviewPanel panel, CancellationToken ct)
    {
        var excluded = panel.Draw?.Result.Exclusions.Select(x => x.ExpertId).Distinct().ToList() ?? [];
        return await db.Experts.AsNoTracking().Where(e => excluded.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    public sealed class SeatExportRow
    {
        [ExcelColumnName("专家")] public string Name { get; init; } = string.Empty;
        [ExcelColumnName("工作单位")] public string Employer { get; init; } = string.Empty;
        [ExcelColumnName("角色")] public string Role { get; init; } = string.Empty;
        [ExcelColumnName("状态")] public string State { get; init; } = string.Empty;
        [ExcelColumnName("总分")] public decimal? Total { get; init; }
    }
}
