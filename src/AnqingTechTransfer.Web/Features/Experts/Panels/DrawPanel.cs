using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

public class DrawForm
{
    public List<string> FieldCodes { get; set; } = [];
    public List<ExpertTypes> Types { get; set; } = [];

    [Range(1, 25, ErrorMessage = "抽取人数应为1至25人")]
    public int Count { get; set; } = 5;

    [Range(0, 10, ErrorMessage = "备选人数应为0至10人")]
    public int Reserves { get; set; } = 2;

    [Range(1, 25, ErrorMessage = "同一单位人数上限至少为1")]
    public int PerEmployerCap { get; set; } = 1;

    [Range(0, 25, ErrorMessage = "市外专家人数不能为负数")]
    public int MinOutside { get; set; }

    [Range(0, 100, ErrorMessage = "信用分应在0到100之间")]
    public int MinCredit { get; set; } = 80;
}

/// <summary>
/// Draws a panel: the whole pool as it stands, every conflict recomputed from the experts' current data and the portal's
/// own records (<see cref="PanelConflicts"/>), a fresh random seed, and the complete record (seed, pool snapshot, conflicts,
/// exclusions, result) kept on the panel; the snapshot is also kept insert-only (<see cref="DrawSnapshotRecord"/>) and the
/// audit row carries the seed, the rule, the snapshot's SM3 hash and the names drawn, so <see cref="PanelReplayHandler"/>
/// re-runs the draw from the log alone. A broken rule stays the filter's
/// flash message (the form has no fields to put it next to).
/// </summary>
public sealed class DrawPanelHandler(PortalDbContext db, PanelPermissions permissions, PanelConflicts conflicts, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, DrawForm form, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct, tracked: true) is not { } panel)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(PanelPermissions.Run, panel))
        {
            return RecordResult<Guid>.Forbidden;
        }

        var criteria = new DrawCriteria(form.FieldCodes ?? [], (form.Types ?? []).Aggregate(ExpertTypes.None, (a, t) => a | t), form.Count, form.Reserves,
            form.PerEmployerCap, form.MinOutside, form.MinCredit, panel.ReviewDate);
        var today = Display.Today(clock);
        var experts = await db.Experts.AsNoTracking().Include(e => e.Events).Where(e => e.Status == ExpertStatus.Active).ToListAsync(ct);
        var found = await conflicts.ConflictsAsync(panel.Subject, experts, today, ct);
        // Sanctions in plan projects on the same person lower the credit the draw's minimum is checked against (issue 23 §7).
        var penalties = await db.PenaltiesAsync(experts.Select(e => e.IdNumberKey), today, ct);
        var pool = experts.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, e.Profile.IsLocal,
            e.CreditScore(today, penalties.GetValueOrDefault(e.IdNumberKey)), e.IsAvailableOn(criteria.ReviewDate))).ToList();
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var record = ExpertDraw.Run(seed, criteria, pool, found);
        var now = clock.GetUtcNow();
        panel.RecordDraw(record, experts.ToDictionary(e => e.Id, e => e.UserId), now);
        // The pool as the draw saw it, kept insert-only; the audit row carries the seed, the rule and the snapshot's SM3 hash.
        var snapshot = new DrawSnapshotRecord(panel.Id, new DrawSnapshot(pool, found).Canonical(), now);
        db.DrawSnapshots.Add(snapshot);
        db.Audit(DrawLog.Action, AuditOutcome.Success, nameof(ReviewPanel), panel.Id.ToString(),
            DrawLog.Of(record, snapshot.Hash).Details(pool.Count, record.Result.Exclusions.Count, found.Select(c => c.ExpertId).Distinct().Count()));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
