using AnqingTechTransfer.Domain.Experts;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 23 §4: a draw replays from its audit row (seed, rule, snapshot hash, names) and its insert-only snapshot.</summary>
public class DrawReplayTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    private static List<Candidate> Pool(int n) => Enumerable.Range(1, n)
        .Select(i => new Candidate(new Guid($"00000000-0000-0000-0000-{i:D12}"), $"CODE{i % 7}", ["01"], ExpertTypes.Technical, i % 3 != 0, 90, true)).ToList();

    private static (DrawLog Log, string Content) Draw(ulong seed = 42)
    {
        var pool = Pool(30);
        var conflicts = new List<Conflict> { new(pool[4].ExpertId, ConflictRule.Collaboration, "近3年合作：技术合同 X") };
        var criteria = new DrawCriteria(["01"], ExpertTypes.Technical, 5, 2, 1, 1, 60, Today);
        var record = ExpertDraw.Run(seed, criteria, pool, conflicts);
        var content = new DrawSnapshot(pool, conflicts).Canonical();
        return (DrawLog.Of(record, DrawSnapshot.Hash(content)), content);
    }

    [Fact]
    public void An_untouched_snapshot_replays_to_the_logged_names_through_the_audit_text()
    {
        var (log, content) = Draw();
        var parsed = DrawLog.Parse(log.Details(30, 3, 1));
        parsed.Should().NotBeNull();
        parsed!.Seed.Should().Be(log.Seed);
        parsed.Rule.Should().BeEquivalentTo(log.Rule);
        parsed.SnapshotHash.Should().Be(log.SnapshotHash).And.HaveLength(64);
        parsed.Selected.Should().Equal(log.Selected);
        parsed.Reserves.Should().Equal(log.Reserves);

        var replay = DrawReplay.Run(parsed, content);
        replay.Verdict.Should().Be(ReplayVerdict.Consistent);
        replay.Recomputed!.Selected.Should().Equal(log.Selected);
    }

    [Fact]
    public void The_snapshot_text_is_canonical_whatever_order_the_pool_was_loaded_in()
    {
        var pool = Pool(10);
        new DrawSnapshot(pool, []).Canonical().Should().Be(new DrawSnapshot(pool.AsEnumerable().Reverse().ToList(), []).Canonical());
    }

    [Fact]
    public void A_tampered_snapshot_row_fails_with_the_hash_named()
    {
        var (log, content) = Draw();
        var tampered = content.Replace("\"credit\":90", "\"credit\":10", StringComparison.Ordinal);
        tampered.Should().NotBe(content);
        var replay = DrawReplay.Run(log, tampered);
        replay.Verdict.Should().Be(ReplayVerdict.SnapshotAltered);
        replay.Consistent.Should().BeFalse();
    }

    [Fact]
    public void An_altered_hash_in_the_log_fails_even_though_the_snapshot_still_gives_the_same_names()
    {
        var (log, content) = Draw();
        var replay = DrawReplay.Run(log with { SnapshotHash = new string('0', 64) }, content);
        replay.Verdict.Should().Be(ReplayVerdict.SnapshotAltered);
        replay.Recomputed!.Selected.Should().Equal(log.Selected);
    }

    [Fact]
    public void A_snapshot_rewritten_with_a_matching_hash_still_fails_on_the_names_and_a_changed_seed_fails_too()
    {
        var (log, content) = Draw();
        // Someone drops a candidate from the snapshot and writes the new hash: the recomputed names no longer match the log.
        var snapshot = DrawSnapshot.Parse(content)!;
        var dropped = new DrawSnapshot(snapshot.Pool.Where(c => c.ExpertId != log.Selected[0]).ToList(), snapshot.Conflicts).Canonical();
        DrawReplay.Run(log with { SnapshotHash = DrawSnapshot.Hash(dropped) }, dropped).Verdict.Should().Be(ReplayVerdict.ResultDiffers);
        DrawReplay.Run(log with { Seed = log.Seed + 1 }, content).Verdict.Should().Be(ReplayVerdict.ResultDiffers);
    }

    [Fact]
    public void Unreadable_snapshots_and_older_audit_rows_are_reported_not_thrown()
    {
        var (log, _) = Draw();
        var replay = DrawReplay.Run(log, "{not json");
        replay.Verdict.Should().Be(ReplayVerdict.SnapshotAltered);
        replay.Problem.Should().Be("存档快照无法读取");
        DrawLog.Parse("种子 42；候选 30 人，排除 2 人（含回避 1 人）；抽中 ；备选 ").Should().BeNull();
        DrawLog.Parse(null).Should().BeNull();
    }
}
