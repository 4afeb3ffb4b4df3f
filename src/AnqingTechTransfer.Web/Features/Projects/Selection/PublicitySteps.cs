using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>
/// During and after the publicity: anyone objects within the window (a name or unit and a way to be reached are required;
/// a refusal is the Invalid result's message); the bureau answers each objection (upheld: the application is held or
/// removed), resolves each held application, and ends the publicity, which awards the approved applications the objections
/// did not remove and marks their 揭榜挂帅 problems taken.
/// </summary>
public class PublicityStepsHandler(PortalDbContext db, ContractCalendarHandler calendar, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<string>> ObjectAsync(Guid id, string? from, string? text, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        var objected = FieldErrors.Try(() =>
        {
            publicity.Object(from ?? string.Empty, text ?? string.Empty, calendar.Today, clock.GetUtcNow());
            return true;
        });
        if (!objected.Succeeded)
        {
            return RecordResult<string>.Invalid([], objected.Errors[0].Message);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done("异议已收到，市科技局将核查并答复。");
    }

    /// <summary>
    /// The bureau answers an objection: not upheld, or upheld with its effect on the application it concerns (暂缓立项 holds
    /// it; 撤销立项 removes it at once, and the application is not approved any more).
    /// </summary>
    public async Task<RecordResult<string>> AnswerAsync(Guid id, Guid objectionId, string? answer, bool managesPlan, CancellationToken ct,
        ObjectionEffect effect = ObjectionEffect.None, Guid? applicationId = null)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        if (!Enum.IsDefined(effect))
        {
            return RecordResult<string>.Invalid([], "请选择异议的处理结果");
        }

        publicity.Answer(objectionId, answer ?? string.Empty, clock.GetUtcNow(), effect, applicationId);
        if (effect == ObjectionEffect.Remove)
        {
            await RemoveAsync(applicationId!.Value, answer!, ct);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done(effect switch
        {
            ObjectionEffect.Hold => "已答复，异议成立：该项目暂缓立项，请核查后恢复或撤销。",
            ObjectionEffect.Remove => "已答复，异议成立：该项目已撤销立项。",
            _ => "已答复。",
        });
    }

    /// <summary>A held application, once checked: reinstated (恢复立项) or removed (撤销立项), with the reason shown on the public list.</summary>
    public async Task<RecordResult<string>> ResolveAsync(Guid id, Guid applicationId, bool reinstate, string? reason, bool managesPlan, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null || !publicity.ApplicationIds.Contains(applicationId))
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        var resolved = FieldErrors.Try(() => publicity.Resolve(applicationId, reinstate, reason ?? string.Empty, clock.GetUtcNow()));
        if (!resolved.Succeeded)
        {
            return RecordResult<string>.Invalid([], resolved.Errors[0].Message);
        }

        if (resolved.Value == ListingState.Removed)
        {
            await RemoveAsync(applicationId, reason!, ct);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done(reinstate ? "已恢复立项。" : "已撤销立项。");
    }

    private async Task RemoveAsync(Guid applicationId, string reason, CancellationToken ct) =>
        (await db.ProjectApplications.SingleAsync(a => a.Id == applicationId, ct)).RemoveAfterObjection(reason);

    public async Task<RecordResult<string>> EndAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        publicity.End(calendar.Today);
        var awarded = publicity.ToAward.ToList();
        var applications = await db.ProjectApplications.Where(a => awarded.Contains(a.Id) && a.Status == ApplicationStatus.Approved).ToListAsync(ct);
        foreach (var application in applications)
        {
            application.Award();
        }

        // 揭榜挂帅: a problem whose team is awarded is taken and leaves the open 榜单.
        var problemIds = applications.Where(a => a.ProblemId is not null).Select(a => a.ProblemId!.Value).Distinct().ToList();
        foreach (var problem in await db.Problems.Where(p => problemIds.Contains(p.Id) && p.Status == ProblemStatus.Listed).ToListAsync(ct))
        {
            problem.MarkTaken();
        }

        await db.SaveChangesAsync(ct);
        var removed = publicity.ApplicationIds.Count - awarded.Count;
        return RecordResult<string>.Done(removed > 0 ? $"公示结束，已下达立项；{removed} 个项目因异议成立已撤销。" : "公示结束，已下达立项。");
    }
}
