using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>One line of the side-by-side comparison: the position, the expert recorded and the expert recomputed there.</summary>
public sealed record ReplayRow(string Position, string Recorded, string Recomputed, bool Same);

/// <summary>
/// The replay page: the verdict, what the audit row says (seed, rule, snapshot hash), the hash of the stored snapshot, and
/// the recorded and recomputed names side by side. <see cref="Missing"/> explains why there is nothing to compare.
/// </summary>
public sealed record PanelReplayPage(Guid PanelId, string PanelTitle, string? Missing, ReplayVerdict? Verdict, bool AuditRowIntact, ulong Seed, DrawCriteria? Rule,
    string RecordedHash, string ActualHash, string? Problem, IReadOnlyList<ReplayRow> Rows, DateTimeOffset? DrawnAt)
{
    public bool Consistent => Missing is null && Verdict == ReplayVerdict.Consistent && AuditRowIntact;
}

/// <summary>
/// 复核抽取 (<c>/panels/{id}/replay</c>, the bureau): reads the draw's audit row (seed, rule, snapshot hash, names drawn) and
/// the insert-only snapshot, checks the audit row's own seal and link in the SM3 chain and the snapshot's hash against the
/// row, re-runs the draw from the snapshot and shows both results side by side. The panel's mutable draw column plays no part.
/// A recused official sees positions and verdict, not names.
/// </summary>
public sealed class PanelReplayHandler(PortalDbContext db, PanelPermissions permissions) : IUseCase
{
    public async Task<RecordResult<PanelReplayPage>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct) is not { } panel)
        {
            return RecordResult<PanelReplayPage>.NotFound;
        }

        if (!permissions.ManagesPanels)
        {
            return RecordResult<PanelReplayPage>.Forbidden;
        }

        PanelReplayPage Missing(string why) => new(panel.Id, panel.Title, why, null, false, 0, null, string.Empty, string.Empty, null, [], null);
        var panelKey = panel.Id.ToString();
        var row = await db.AuditEntries.AsNoTracking().Where(a => a.Action == DrawLog.Action && a.EntityId == panelKey).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return RecordResult<PanelReplayPage>.Done(Missing(panel.Draw is null ? "尚未抽取专家。" : "审计日志中没有本次抽取的记录。"));
        }

        if (DrawLog.Parse(row.Details) is not { } log)
        {
            return RecordResult<PanelReplayPage>.Done(Missing("本次抽取早于快照存档，审计记录中没有抽取规则和快照摘要，无法按日志复核。"));
        }

        var snapshot = await db.DrawSnapshots.AsNoTracking().Where(s => s.PanelId == panel.Id).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(ct);
        if (snapshot is null)
        {
            return RecordResult<PanelReplayPage>.Done(Missing("存档快照缺失，快照与审计记录不符。"));
        }

        // The audit row vouches for the snapshot only while the row itself is sealed and linked into the chain.
        var previous = await db.AuditEntries.AsNoTracking().Where(a => a.Id == row.Id - 1).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        var intact = row.Hash == AuditChain.Compute(row) && row.PreviousHash == previous;

        var replay = DrawReplay.Run(log, snapshot.Content);
        var ids = log.Selected.Concat(log.Reserves).Concat(replay.Recomputed is { } r ? r.Selected.Concat(r.Reserves) : []).Distinct().ToList();
        var names = permissions.HasRecused(panel) ? new Dictionary<Guid, string>()
            : await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name + "（" + e.Profile.EmployerName + "）", ct);
        string Label(Guid? expert) => expert is not { } e ? "—" : names.GetValueOrDefault(e) ?? "专家 " + e.ToString()[..8];

        var rows = new List<ReplayRow>();
        void Compare(string role, IReadOnlyList<Guid> recorded, IReadOnlyList<Guid>? again)
        {
            for (var i = 0; i < Math.Max(recorded.Count, again?.Count ?? 0); i++)
            {
                Guid? a = i < recorded.Count ? recorded[i] : null;
                Guid? b = again is not null && i < again.Count ? again[i] : null;
                rows.Add(new ReplayRow($"{role} {i + 1}", Label(a), Label(b), a == b));
            }
        }

        Compare("评审专家", log.Selected, replay.Recomputed?.Selected);
        Compare("备选专家", log.Reserves, replay.Recomputed?.Reserves);
        return RecordResult<PanelReplayPage>.Done(new PanelReplayPage(panel.Id, panel.Title, null, replay.Verdict, intact, log.Seed, log.Rule, log.SnapshotHash,
            replay.ActualHash, replay.Problem, rows, row.OccurredAt));
    }
}
