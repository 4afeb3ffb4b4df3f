using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>Registration review by the county/park of the applicant's region or the bureau; suspension by the bureau admin.</summary>
[Authorize(Policy = Policies.OrganizationReviewer)]
[Route("organizations")]
public class OrganizationsController(
    PortalDbContext db,
    IAuthorizationService authorization,
    ICurrentActor actor,
    Notifier notifier,
    SessionRevocation sessions,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] OrganizationFilter filter, CancellationToken ct)
    {
        ViewData["Filter"] = filter;
        return View(await Filtered(filter).ToPagedListAsync(filter.Page, ct: ct));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] OrganizationFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(filter).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", Domain.Audit.AuditOutcome.Success, nameof(Organization), null, $"单位列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(rows.Select(r => new OrganizationExportRow
        {
            Name = r.Name,
            Kind = r.Kind.DisplayName(),
            CreditCode = r.CreditCode,
            Region = AnqingRegions.NameOf(r.RegionCode),
            Status = r.Status.DisplayName(),
            CreatedAt = Display.Date(r.CreatedAt),
        }), "单位列表", clock);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !await AllowedAsync(organization, OrganizationPermissions.Read))
        {
            return NotFound();
        }

        return await DetailsViewAsync(organization, ct);
    }

    /// <summary>The contact's full phone, for the reviewers who must call them; every unmasking is an audit row.</summary>
    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !await AllowedAsync(organization, OrganizationPermissions.Read))
        {
            return NotFound();
        }

        if (!await AllowedAsync(organization, OrganizationPermissions.Review))
        {
            return Forbid();
        }

        db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, nameof(Organization), organization.Id.ToString(), $"单位 {organization.Name} 联系人的电话");
        await db.SaveChangesAsync(ct);
        ViewData["RevealedPhone"] = organization.ContactPhone ?? string.Empty;
        return await DetailsViewAsync(organization, ct);
    }

    private async Task<IActionResult> DetailsViewAsync(Organization organization, CancellationToken ct)
    {
        var id = organization.Id;
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.UserName)
            .Select(u => new OrganizationUserRow(u.UserName!, u.DisplayName, u.IsOrganizationAdmin, u.IsDisabled)).ToListAsync(ct);
        var licence = organization.LicenceAttachmentId is { } licenceId
            ? await db.Attachments.AsNoTracking().Where(a => a.Id == licenceId).Select(a => a.FileName).SingleOrDefaultAsync(ct)
            : null;
        return View("Details", new OrganizationDetailsViewModel(organization, members,
            await AllowedAsync(organization, OrganizationPermissions.Review), await AllowedAsync(organization, OrganizationPermissions.Suspend), licence));
    }

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Review, async organization =>
        {
            organization.Approve(actor.UserId, clock.GetUtcNow());
            await notifier.ToOrganizationAdminsAsync(organization.Id, "单位注册审核通过",
                $"您单位“{organization.Name}”的注册申请已审核通过，现在可以使用平台各项服务。", "/workspace", ct);
            return "已审核通过。";
        }, ct);

    [HttpPost("{id:guid}/reject")]
    public Task<IActionResult> Reject(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Review, async organization =>
        {
            organization.Reject(actor.UserId, form.Reason ?? string.Empty, clock.GetUtcNow());
            await notifier.ToOrganizationAdminsAsync(organization.Id, "单位注册申请未通过",
                $"您单位“{organization.Name}”的注册申请未通过。审核意见：{organization.StatusReason}。请修改后重新提交。", "/account/registration", ct);
            return "已退回申请，申请单位将收到审核意见。";
        }, ct);

    [HttpPost("{id:guid}/override-checksum")]
    public Task<IActionResult> OverrideChecksum(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.OverrideChecksum, organization =>
        {
            organization.OverrideChecksumWarning();
            return Task.FromResult("已核实统一社会信用代码，可继续审核。");
        }, ct);

    [HttpPost("{id:guid}/suspend")]
    public Task<IActionResult> Suspend(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Suspend, async organization =>
        {
            organization.Suspend(form.Reason ?? string.Empty);
            // Its users' sessions end at their next request, on every instance; they can no longer sign in.
            await sessions.RevokeOrganizationAsync(organization.Id, ct);

            return "单位已停用，其用户将无法登录。";
        }, ct);

    [HttpPost("{id:guid}/reactivate")]
    public Task<IActionResult> Reactivate(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Suspend, organization =>
        {
            organization.Reactivate();
            return Task.FromResult("单位已恢复。");
        }, ct);

    private async Task<IActionResult> DecideAsync(Guid id, DecisionForm form, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<Organization, Task<string>> decide, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return NotFound();
        }

        if (!await AllowedAsync(organization, operation))
        {
            return await AllowedAsync(organization, OrganizationPermissions.Read) ? Forbid() : NotFound();
        }

        db.Entry(organization).Property(o => o.Version).OriginalValue = form.Version;
        var done = await decide(organization);
        await db.SaveChangesAsync(ct); // DomainException / concurrency → DomainExceptionFilter shows the message
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    private IQueryable<OrganizationRow> Filtered(OrganizationFilter filter)
    {
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(o => EF.Functions.ILike(o.Name, "%" + q + "%") || o.CreditCode.StartsWith(q.ToUpper()));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            query = query.Where(o => o.RegionCode == filter.Region);
        }

        return query.OrderBy(o => o.Status == OrganizationStatus.Pending ? 0 : 1).ThenByDescending(o => o.CreatedAt)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode, o.Status, o.HasChecksumWarning,
                o.CreditCodeChecksumOverridden, o.CreatedAt));
    }

    private async Task<bool> AllowedAsync(Organization organization, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, organization, operation)).Succeeded;

    public sealed class OrganizationExportRow
    {
        [ExcelColumnName("单位名称")] public string Name { get; init; } = string.Empty;
        [ExcelColumnName("单位类型")] public string Kind { get; init; } = string.Empty;
        [ExcelColumnName("统一社会信用代码")] public string CreditCode { get; init; } = string.Empty;
        [ExcelColumnName("所在地区")] public string Region { get; init; } = string.Empty;
        [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
        [ExcelColumnName("注册日期")] public string CreatedAt { get; init; } = string.Empty;
    }
}
