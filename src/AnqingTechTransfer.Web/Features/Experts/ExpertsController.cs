using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts;

public sealed record ExpertRow(Guid Id, string Name, ExpertProfile Profile, ExpertStatus Status, DateOnly? NextEvaluationDue, int Credit);

/// <summary>
/// 评审专家库: experts apply (or are recommended by the bureau, a county or a park); the bureau approves, suspends,
/// reinstates or removes them with reasons, keeps their integrity records and the yearly re-evaluation. Identity numbers
/// are stored encrypted and shown masked; the same person cannot be entered twice.
/// </summary>
[Authorize]
[Route("experts")]
public class ExpertsController(PortalDbContext db, ICurrentActor actor, ExpertPermissions permissions, PersonalDataProtector ids, CodeTables.CodeTableLookupHandler codes, TimeProvider clock) : Controller
{
    private DateOnly Today => Display.Today(clock);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, ExpertStatus? status, bool due = false, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.MayRecommend)
        {
            return permissions.IsExpert ? RedirectToAction(nameof(Mine)) : Forbid();
        }

        ViewData["Q"] = q;
        ViewData["Status"] = status;
        ViewData["Due"] = due;
        ViewData["IsBureau"] = permissions.ManagesPool;
        ViewData["Fields"] = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        var today = Today;
        var query = db.Experts.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (due)
        {
            query = query.Where(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(e => EF.Functions.ILike(e.Name, "%" + q.Trim() + "%"));
        }

        ViewData["DueCount"] = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today, ct);
        var pageOf = await query.OrderBy(e => e.Status).ThenBy(e => e.Name).ThenBy(e => e.Id).Include(e => e.Events).ToPagedListAsync(page, ct: ct);
        return View(new PagedList<ExpertRow>
        {
            Items = pageOf.Items.Select(e => new ExpertRow(e.Id, e.Name, e.Profile, e.Status, e.NextEvaluationDue, e.CreditScore(today))).ToList(),
            Page = pageOf.Page, PageSize = pageOf.PageSize, Total = pageOf.Total, IsCapped = pageOf.IsCapped,
        });
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        if (!permissions.IsExpert)
        {
            return Forbid();
        }

        var userId = actor.UserId;
        var id = await db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        return id is { } found ? RedirectToAction(nameof(Details), new { id = found }) : RedirectToAction(nameof(Apply));
    }

    [HttpGet("apply")]
    public async Task<IActionResult> Apply(CancellationToken ct)
    {
        if (!permissions.MayApply)
        {
            return Forbid();
        }

        return await FormAsync("Apply", new ExpertForm(), ct);
    }

    [HttpPost("apply")]
    public async Task<IActionResult> Apply(ExpertForm form, CancellationToken ct)
    {
        if (!permissions.MayApply)
        {
            return Forbid();
        }

        Normalize(form);
        var selfApplication = permissions.AppliesForSelf;
        var userId = actor.UserId;
        if (selfApplication && await db.Experts.AnyAsync(e => e.UserId == userId, ct))
        {
            ModelState.AddModelError(string.Empty, "您已提交过入库申请");
        }

        if (form.IdNumber.Length > 0 && !PersonalIds.IsValidIdNumber(form.IdNumber))
        {
            ModelState.AddModelError(nameof(form.IdNumber), "身份证号不正确（18位，末位校验码）");
        }

        if (form.Mobile.Length > 0 && !PersonalIds.IsValidMobile(form.Mobile))
        {
            ModelState.AddModelError(nameof(form.Mobile), "手机号应为11位手机号码");
        }

        CheckBankAccount(form);

        if (!ModelState.IsValid)
        {
            return await FormAsync("Apply", form, ct);
        }

        try
        {
            var idNumber = await ids.ProtectAsync(form.IdNumber, ct);
            var mobile = await ids.ProtectAsync(form.Mobile, ct);
            var expert = Expert.Apply(selfApplication ? userId : null, form.Name, idNumber, mobile, form.Profile(), selfApplication ? null : actor.OrganizationId, clock.GetUtcNow());
            expert.Update(expert.Profile, await form.ParseRelationsAsync(id => ids.KeyOfAsync(id, ct), []), form.ParseBlackouts());
            expert.SetBankAccount(form.BankName, form.BankAccount is { Length: > 0 } account ? ids.Protect(account) : null);
            if (!await UniqueAsync(expert, form, ct))
            {
                return await FormAsync("Apply", form, ct);
            }

            db.Experts.Add(expert);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "已提交入库申请，待市科技局审核。";
            return RedirectToAction(nameof(Details), new { id = expert.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            return await FormAsync("Apply", form, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError(nameof(form.IdNumber), "该身份证号或手机号已在专家库中，同一人只能有一条专家记录");
            return await FormAsync("Apply", form, ct);
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        // Personal data is for the bureau, the expert, and the organization that recommended them; not for every city-wide reader.
        if (!permissions.Allows(ExpertPermissions.Read, expert))
        {
            return Forbid();
        }

        return await DetailsViewAsync(expert, null, ct);
    }

    /// <summary>
    /// The full ID number, mobile and bank account, for those who need them (the bureau pays the review fees and calls the
    /// expert; the expert checks their own record). Every unmasking is an audit row; the recommending organization sees
    /// the masked numbers only.
    /// </summary>
    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ExpertPermissions.Reveal, expert))
        {
            return Forbid();
        }

        db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, nameof(Expert), expert.Id.ToString(), $"专家 {expert.Name}：身份证号、手机号、银行账号");
        await db.SaveChangesAsync(ct);
        var revealed = new PersonalInfo.Revealed(ids.Reveal(expert.IdNumberCipher), ids.Reveal(expert.MobileCipher), ids.Reveal(expert.BankAccountCipher));
        return await DetailsViewAsync(expert, revealed, ct);
    }

    private async Task<IActionResult> DetailsViewAsync(Expert expert, PersonalInfo.Revealed? revealed, CancellationToken ct)
    {
        ViewData["IsBureau"] = permissions.ManagesPool;
        ViewData["CanReveal"] = permissions.Allows(ExpertPermissions.Reveal, expert);
        ViewData["Revealed"] = revealed;
        ViewData["Today"] = Today;
        ViewData["Fields"] = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        return View("Details", expert);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ExpertPermissions.Edit, expert))
        {
            return Forbid();
        }

        var p = expert.Profile;
        ViewData["BankAccountMasked"] = expert.BankAccountMasked;
        return await FormAsync("Edit", new ExpertForm
        {
            Name = expert.Name, IdNumber = expert.IdNumberMasked, Mobile = expert.MobileMasked, BankName = expert.BankName, EmployerName = p.EmployerName, EmployerCreditCode = p.EmployerCreditCode,
            Title = p.Title, Degree = p.Degree, FieldCodes = p.FieldCodes.ToList(), Keywords = p.Keywords,
            Types = Enum.GetValues<ExpertTypes>().Where(t => t != ExpertTypes.None && p.Types.HasFlag(t)).ToList(), IsLocal = p.IsLocal,
            Relations = ExpertForm.FormatRelations(expert.Relations), Blackouts = ExpertForm.FormatBlackouts(expert.Blackouts), Version = expert.Version,
        }, ct);
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, ExpertForm form, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ExpertPermissions.Edit, expert))
        {
            return Forbid();
        }

        // Identity is not edited here: a changed ID number is a new person.
        ViewData["BankAccountMasked"] = expert.BankAccountMasked;
        Normalize(form);
        (form.Name, form.IdNumber, form.Mobile) = (expert.Name, expert.IdNumberMasked, expert.MobileMasked);
        foreach (var key in new[] { nameof(form.Name), nameof(form.IdNumber), nameof(form.Mobile) })
        {
            ModelState.Remove(key);
        }

        CheckBankAccount(form);

        if (!ModelState.IsValid)
        {
            return await FormAsync("Edit", form, ct);
        }

        try
        {
            db.Entry(expert).Property(e => e.Version).OriginalValue = form.Version ?? 0;
            expert.Update(form.Profile(), await form.ParseRelationsAsync(n => ids.KeyOfAsync(n, ct), expert.Relations), form.ParseBlackouts());
            expert.SetBankAccount(form.BankName, form.BankAccount is { Length: > 0 } account ? ids.Protect(account) : null);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            return await FormAsync("Edit", form, ct);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已保存。关联关系的变化会在下一次抽取专家时自动用于回避判断。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/{step:regex(^(approve|reject|suspend|reinstate|remove|reevaluate)$)}")]
    public async Task<IActionResult> Decide(Guid id, string step, string? reason, DateOnly? until, uint version, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPool)
        {
            return Forbid();
        }

        db.Entry(expert).Property(e => e.Version).OriginalValue = version;
        var today = Today;
        switch (step)
        {
            case "approve": expert.Approve(today); break;
            case "reject": expert.Reject(reason ?? string.Empty); break;
            case "suspend": expert.Suspend(reason ?? string.Empty, until); break;
            case "reinstate": expert.Reinstate(reason ?? string.Empty, today); break;
            case "remove": expert.Remove(reason ?? string.Empty); break;
            default: expert.Reevaluate(today); break;
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已办理。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/integrity")]
    public async Task<IActionResult> Integrity(Guid id, IntegrityEventKind kind, string? evidence, Sanction sanction, DateOnly? until, CancellationToken ct)
    {
        var expert = await db.Experts.Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPool)
        {
            return Forbid();
        }

        db.Add(expert.Record(kind, evidence ?? string.Empty, sanction, until, actor.DisplayName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "诚信记录已登记。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<bool> UniqueAsync(Expert expert, ExpertForm form, CancellationToken ct)
    {
        // Within what this user can see; the unique indexes catch the rest (another county's recommendation).
        if (await db.Experts.AnyAsync(e => e.IdNumberKey == expert.IdNumberKey, ct))
        {
            ModelState.AddModelError(nameof(form.IdNumber), "该身份证号已在专家库中，同一人只能有一条专家记录");
        }

        if (await db.Experts.AnyAsync(e => e.MobileKey == expert.MobileKey, ct))
        {
            ModelState.AddModelError(nameof(form.Mobile), "该手机号已在专家库中，同一人只能有一条专家记录");
        }

        return ModelState.IsValid;
    }

    private void CheckBankAccount(ExpertForm form)
    {
        if (form.BankAccount is { Length: > 0 } account && !PersonalIds.IsValidBankAccount(account))
        {
            ModelState.AddModelError(nameof(form.BankAccount), "银行账号应为12至30位数字");
        }
    }

    private static void Normalize(ExpertForm form)
    {
        form.Name ??= string.Empty;
        form.IdNumber = PersonalIds.Normalize(form.IdNumber ?? string.Empty);
        form.Mobile = PersonalIds.Normalize(form.Mobile ?? string.Empty);
        form.BankAccount = PersonalIds.Normalize(form.BankAccount ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal);
        form.BankName = form.BankName?.Trim();
        form.EmployerName ??= string.Empty;
        form.EmployerCreditCode ??= string.Empty;
        form.FieldCodes ??= [];
        form.Types ??= [];
    }

    private async Task<IActionResult> FormAsync(string view, ExpertForm form, CancellationToken ct)
    {
        ViewData["Fields"] = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        return View(view, form);
    }
}
