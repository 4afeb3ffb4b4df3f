using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>What a step on a panel ended in: the message to flash on the panel's page, as a success or as a refusal.</summary>
public sealed record PanelStep(Guid Id, string Message, bool Succeeded = true);

/// <summary>
/// The bureau's steps on a drawn panel (the replay is <see cref="PanelReplayHandler"/>): designate the chief, record a no-show (an integrity
/// row on the expert), exclude a sitting expert for a conflict found since the draw, recuse oneself, publish. Each loads the
/// panel (404), asks the panel's permissions (403), acts on the panel and saves; a broken rule stays the filter's flash message.
/// </summary>
public sealed class PanelStepsHandler(PortalDbContext db, ICurrentActor actor, PanelPermissions permissions, PanelConflicts conflicts, TimeProvider clock)
    : IUseCase
{
    public Task<RecordResult<PanelStep>> ChiefAsync(Guid id, Guid memberId, CancellationToken ct) =>
        RunAsync(id, p =>
        {
            p.DesignateChief(memberId);
            return Task.FromResult(new PanelStep(id, "已指定首席专家。"));
        }, ct);

    public Task<RecordResult<PanelStep>> PublishAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, p =>
        {
            p.Publish(clock.GetUtcNow());
            return Task.FromResult(new PanelStep(id, "已公示评审结果和专家名单。"));
        }, ct);

    public Task<RecordResult<PanelStep>> NoShowAsync(Guid id, Guid memberId, CancellationToken ct) =>
        RunAsync(id, async panel =>
        {
            var member = panel.Members.FirstOrDefault(m => m.Id == memberId);
            var replacement = panel.MarkNoShow(memberId);
            if (member is not null && await db.Experts.Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == member.ExpertId, ct) is { } expert)
            {
                db.Add(expert.Record(IntegrityEventKind.NoShow, $"评审“{panel.Title}”缺席", Sanction.None, null, actor.DisplayName, clock.GetUtcNow()));
            }

            return new PanelStep(id, replacement is null ? "已记录缺席；没有可递补的备选专家。" : "已记录缺席，并由备选专家递补。");
        }, ct);

    public Task<RecordResult<PanelStep>> ExcludeAsync(Guid id, Guid memberId, CancellationToken ct) =>
        RunAsync(id, async panel =>
        {
            var member = panel.Members.FirstOrDefault(m => m.Id == memberId);
            var expert = member is null ? null : await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == member.ExpertId, ct);
            var conflict = expert is null ? null : (await conflicts.ConflictsAsync(panel.Subject, [expert], Display.Today(clock), ct)).FirstOrDefault();
            if (conflict is null)
            {
                return new PanelStep(id, "按现有数据未发现该专家的回避情形。", false);
            }

            var replacement = panel.Exclude(memberId, $"{conflict.Rule.Name()}：{conflict.Evidence}");
            return new PanelStep(id, replacement is null ? "该专家已回避；没有可递补的备选专家。" : "该专家已回避，并由备选专家递补。");
        }, ct);

    /// <summary>Recusing is open to every bureau user, also on a panel they could not otherwise run.</summary>
    public async Task<RecordResult<PanelStep>> RecuseAsync(Guid id, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct, tracked: true) is not { } panel)
        {
            return RecordResult<PanelStep>.NotFound;
        }

        if (!permissions.ManagesPanels)
        {
            return RecordResult<PanelStep>.Forbidden;
        }

        panel.Recuse(actor.UserId);
        await db.SaveChangesAsync(ct);
        return RecordResult<PanelStep>.Done(new PanelStep(id, "已登记回避：公示前您将看不到该评审组的专家名单，也不能办理抽取和递补。"));
    }

    /// <summary>A step that runs the panel: found, allowed to run (not recused), acted on, saved unless refused.</summary>
    private async Task<RecordResult<PanelStep>> RunAsync(Guid id, Func<ReviewPanel, Task<PanelStep>> act, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct, tracked: true) is not { } panel)
        {
            return RecordResult<PanelStep>.NotFound;
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return RecordResult<PanelStep>.Forbidden;
        }

        var step = await act(panel);
        if (step.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return RecordResult<PanelStep>.Done(step);
    }
}
