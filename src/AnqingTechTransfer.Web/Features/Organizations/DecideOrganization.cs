using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Organizations;

public class DecisionForm
{
    /// <summary>The row version the reviewer saw; a change since then is a concurrent edit.</summary>
    public uint Version { get; set; }

    [Display(Name = "理由")]
    [StringLength(1000, ErrorMessage = "理由不能超过1000个字")]
    public string? Reason { get; set; }
}

/// <summary>
/// The decisions on a registration and on an organization: approve or reject (its reviewers), accept a credit code whose
/// check digit fails, suspend (its users' sessions end) and reactivate (the bureau's admin). The answer is the flash
/// message; a broken rule or a concurrent change is an exception the filter shows.
/// </summary>
public sealed class DecideOrganizationHandler(PortalDbContext db, OrganizationPermissions permissions, ICurrentActor actor, Notifier notifier,
    SessionRevocation sessions, TimeProvider clock) : IUseCase
{
    public Task<RecordResult<string>> ApproveAsync(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Review, async organization =>
        {
            organization.Approve(actor.UserId, clock.GetUtcNow());
            await LinkQualificationsAsync(organization, ct);
            await notifier.ToOrganizationAdminsAsync(organization.Id, "单位注册审核通过",
                $"您单位“{organization.Name}”的注册申请已审核通过，现在可以使用平台各项服务。", "/workspace", ct);
            return "已审核通过。";
        }, ct);

    public Task<RecordResult<string>> RejectAsync(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Review, async organization =>
        {
            organization.Reject(actor.UserId, form.Reason ?? string.Empty, clock.GetUtcNow());
            await notifier.ToOrganizationAdminsAsync(organization.Id, "单位注册申请未通过",
                $"您单位“{organization.Name}”的注册申请未通过。审核意见：{organization.StatusReason}。请修改后重新提交。", "/account/registration", ct);
            return "已退回申请，申请单位将收到审核意见。";
        }, ct);

    public Task<RecordResult<string>> OverrideChecksumAsync(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.OverrideChecksum, organization =>
        {
            organization.OverrideChecksumWarning();
            return Task.FromResult("已核实统一社会信用代码，可继续审核。");
        }, ct);

    public Task<RecordResult<string>> SuspendAsync(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Suspend, async organization =>
        {
            organization.Suspend(form.Reason ?? string.Empty);
            // Its users' sessions end at their next request, on every instance; they can no longer sign in.
            await sessions.RevokeOrganizationAsync(organization.Id, ct);

            return "单位已停用，其用户将无法登录。";
        }, ct);

    public Task<RecordResult<string>> ReactivateAsync(Guid id, DecisionForm form, CancellationToken ct) =>
        DecideAsync(id, form, OrganizationPermissions.Suspend, organization =>
        {
            organization.Reactivate();
            return Task.FromResult("单位已恢复。");
        }, ct);

    /// <summary>
    /// The provincial-list qualifications imported before the enterprise registered carry its credit code but no
    /// organization: approval links them (saved with the approval), wherever their region, so the enterprise and its loan
    /// eligibility find them. Read as the system: the approving county may not see a record filed under another region.
    /// </summary>
    private async Task LinkQualificationsAsync(Organization organization, CancellationToken ct)
    {
        var code = organization.CreditCode;
        using var system = CurrentActor.BeginSystemScope();
        foreach (var record in await db.HighTechRecords.Where(r => r.OrganizationId == null && r.CreditCode == code).ToListAsync(ct))
        {
            record.LinkTo(organization.Id, code);
        }

        foreach (var record in await db.TechSmeRecords.Where(r => r.OrganizationId == null && r.CreditCode == code).ToListAsync(ct))
        {
            record.LinkTo(organization.Id, code);
        }

        foreach (var record in await db.SpecializedRecords.Where(r => r.OrganizationId == null && r.CreditCode == code).ToListAsync(ct))
        {
            record.LinkTo(organization.Id, code);
        }
    }

    /// <summary>Found first; a right refused answers 403 to those who may read the organization, 404 to the rest.</summary>
    private async Task<RecordResult<string>> DecideAsync(Guid id, DecisionForm form, OperationAuthorizationRequirement operation,
        Func<Organization, Task<string>> decide, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!permissions.Allows(operation, organization))
        {
            return permissions.Allows(OrganizationPermissions.Read, organization) ? RecordResult<string>.Forbidden : RecordResult<string>.NotFound;
        }

        db.Entry(organization).Property(o => o.Version).OriginalValue = form.Version;
        var done = await decide(organization);
        await db.SaveChangesAsync(ct); // DomainException / concurrency → DomainExceptionFilter shows the message
        return RecordResult<string>.Done(done);
    }
}
