using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Experts.Reviews;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>One expert who left a panel on a conflict found after the draw, and who took the place.</summary>
public sealed record LaterConflict(Guid PanelId, string PanelTitle, Guid ExpertId, string Rule, Guid? ReplacedBy);

/// <summary>
/// 事后回避: after the draw, whatever the conflict rules read may change — an expert declares a relation or a new employer,
/// a contract between an expert's unit and the applicant is registered, a joint project is awarded. Every panel still under
/// review (drawn, not closed) is checked again from the current data; an expert (member or reserve) who now has a conflict
/// leaves it, the next reserve takes the seat, and the official who set the panel up, the leaving expert and the one who
/// steps in are told. This is the system's finding, not the caller's: it reads the city's records whoever triggered it (an
/// expert editing their profile sees none of them), shows nothing, and writes only the panel and the messages.
/// </summary>
public sealed class PanelRecheckHandler(PortalDbContext db, PanelConflicts conflicts, WholePanelHandler whole, Notifier notifier, TimeProvider clock) : IUseCase
{
    /// <summary>The panels where <paramref name="expertId"/> sits, after a change of the expert's own data.</summary>
    public Task<IReadOnlyList<LaterConflict>> AfterExpertChangedAsync(Guid expertId, CancellationToken ct) =>
        RecheckAsync(panel => panel.Members.Any(m => m.ExpertId == expertId && m.IsActive), ct);

    /// <summary>The panels whose applicant or partners include one of <paramref name="creditCodes"/> (a new contract, a new project).</summary>
    public Task<IReadOnlyList<LaterConflict>> AfterUnitsChangedAsync(IReadOnlyCollection<string> creditCodes, CancellationToken ct) =>
        RecheckAsync(panel => panel.Subject.Units.Any(creditCodes.Contains), ct);

    /// <summary>Every panel under review (the periodic check).</summary>
    public Task<IReadOnlyList<LaterConflict>> AllAsync(CancellationToken ct) => RecheckAsync(_ => true, ct);

    private async Task<IReadOnlyList<LaterConflict>> RecheckAsync(Func<ReviewPanel, bool> concerned, CancellationToken ct)
    {
        using var system = CurrentActor.BeginSystemScope();
        var found = new List<LaterConflict>();
        // The concerned panels with their seats in one query, their experts in one more; then the conflicts, subject by subject.
        var panels = (await whole.UnderReviewAsync(ct)).Where(concerned).ToList();
        var expertIds = panels.SelectMany(p => p.Members).Where(m => m.IsActive).Select(m => m.ExpertId).Distinct().ToList();
        var experts = expertIds.Count == 0 ? [] : await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var panel in panels)
        {
            var seated = panel.Members.Where(m => m.IsActive).ToList();
            var current = await conflicts.ConflictsAsync(panel.Subject, seated.Select(m => experts.GetValueOrDefault(m.ExpertId)).OfType<Expert>().ToList(), Display.Today(clock), ct);
            foreach (var conflict in current.GroupBy(c => c.ExpertId).Select(g => g.First()))
            {
                var member = seated.First(m => m.ExpertId == conflict.ExpertId);
                var rule = $"{conflict.Rule.Name()}：{conflict.Evidence}";
                var replacement = panel.Exclude(member.Id, rule);
                found.Add(new LaterConflict(panel.Id, panel.Title, member.ExpertId, rule, replacement?.ExpertId));
                Tell(panel, member, replacement, rule);
            }
        }

        if (found.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return found;
    }

    private void Tell(ReviewPanel panel, PanelMember leaving, PanelMember? replacement, string rule)
    {
        var link = $"/panels/{panel.Id}";
        notifier.ToUser(panel.CreatedByUserId, "评审专家事后回避",
            $"评审组“{panel.Title}”抽取后发现专家存在回避情形（{rule}），该专家已退出评审组，"
            + (replacement is null ? "没有可递补的备选专家，请补充抽取。" : "已由备选专家按顺序递补。"), link, MessageKind.Reviews);
        db.Audit("事后回避", AuditOutcome.Success, nameof(ReviewPanel), panel.Id.ToString(), $"专家 {leaving.ExpertId} 退出：{rule}"
            + (replacement is null ? "；无备选专家" : $"；备选专家 {replacement.ExpertId} 递补"));
        if (leaving.ExpertUserId is { } gone)
        {
            notifier.ToUser(gone, "您已退出一个评审组", $"根据平台记录，您与评审事项“{panel.Title}”存在回避情形（{rule}），已为您办理回避，无需参加该次评审。", "/reviews", MessageKind.Reviews);
        }

        if (replacement?.ExpertUserId is { } stepsIn)
        {
            notifier.ToUser(stepsIn, "您已递补为评审专家", $"评审事项“{panel.Title}”有专家回避，您已由备选专家递补为评审专家，请尽快作出回避声明。", $"/reviews/{replacement.Id}", MessageKind.Reviews);
        }
    }
}
