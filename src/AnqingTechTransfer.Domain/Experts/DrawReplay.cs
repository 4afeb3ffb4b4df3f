using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain.Audit;

namespace AnqingTechTransfer.Domain.Experts;

/// <summary>
/// The pool as the draw saw it (every candidate and every conflict found), in one canonical text. The text is stored as it
/// was written in an insert-only table (<see cref="DrawSnapshotRecord"/>); its SM3 hash goes into the draw's audit row, so
/// the audit chain vouches for the snapshot and a changed snapshot shows.
/// </summary>
public sealed record DrawSnapshot(IReadOnlyList<Candidate> Pool, IReadOnlyList<Conflict> Conflicts)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Canonical() => JsonSerializer.Serialize(
        new DrawSnapshot(Pool.OrderBy(c => c.ExpertId).ToList(), Conflicts.OrderBy(c => c.ExpertId).ThenBy(c => c.Rule).ThenBy(c => c.Evidence, StringComparer.Ordinal).ToList()),
        Options);

    /// <summary>Reads a stored snapshot back; null when the text is no longer a snapshot.</summary>
    public static DrawSnapshot? Parse(string content)
    {
        try
        {
            return JsonSerializer.Deserialize<DrawSnapshot>(content, Options) is { Pool: not null, Conflicts: not null } s ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Hash(string content) => AuditChain.Sm3Hex(Encoding.UTF8.GetBytes(content));
}

/// <summary>The insert-only row that keeps a draw's snapshot text and its hash (the database refuses UPDATE, DELETE and TRUNCATE).</summary>
public class DrawSnapshotRecord
{
    private DrawSnapshotRecord()
    {
    }

    public DrawSnapshotRecord(Guid panelId, string content, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        PanelId = panelId;
        Content = content;
        Hash = DrawSnapshot.Hash(content);
        TakenAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PanelId { get; private set; }
    public string Content { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;
    public DateTimeOffset TakenAt { get; private set; }
}

/// <summary>
/// What the audit row of a draw says: the seed, the rule (the draw's parameters), the snapshot's hash and the names drawn
/// (by expert id). Written as readable text with the rule as JSON, and read back from that text for the replay.
/// </summary>
public sealed partial record DrawLog(ulong Seed, DrawCriteria Rule, string SnapshotHash, IReadOnlyList<Guid> Selected, IReadOnlyList<Guid> Reserves)
{
    public const string Action = "抽取专家";
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static DrawLog Of(DrawRecord record, string snapshotHash) =>
        new(record.Seed, record.Criteria, snapshotHash, record.Result.Selected, record.Result.Reserves);

    public string RuleText => JsonSerializer.Serialize(Rule, Options);

    public string Details(int poolCount, int excluded, int conflicted) =>
        $"种子 {Seed.ToString(CultureInfo.InvariantCulture)}；规则 {RuleText}；快照SM3 {SnapshotHash}；" +
        $"候选 {poolCount} 人，排除 {excluded} 人（含回避 {conflicted} 人）；抽中 {string.Join(",", Selected)}；备选 {string.Join(",", Reserves)}";

    /// <summary>Reads an audit row's details back; null when the row is not a draw record of this form (e.g. an older draw).</summary>
    public static DrawLog? Parse(string? details)
    {
        if (details is null || LogPattern().Match(details) is not { Success: true } m)
        {
            return null;
        }

        try
        {
            var rule = JsonSerializer.Deserialize<DrawCriteria>(m.Groups["rule"].Value, Options);
            if (rule is null || !ulong.TryParse(m.Groups["seed"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                return null;
            }

            return new DrawLog(seed, rule, m.Groups["hash"].Value, Ids(m.Groups["selected"].Value), Ids(m.Groups["reserves"].Value));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static List<Guid> Ids(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse).ToList();

    [GeneratedRegex(@"^种子 (?<seed>\d+)；规则 (?<rule>\{.*?\})；快照SM3 (?<hash>[0-9a-f]{64})；.*?；抽中 (?<selected>[0-9a-f,-]*)；备选 (?<reserves>[0-9a-f,-]*)$", RegexOptions.Singleline)]
    private static partial Regex LogPattern();
}

public enum ReplayVerdict
{
    /// <summary>The snapshot's hash is the one in the log, and the draw recomputed from it gives the names logged.</summary>
    Consistent = 1,
    /// <summary>The snapshot is the one logged, but the recomputed names differ from those logged.</summary>
    ResultDiffers = 2,
    /// <summary>The stored snapshot is not the one whose hash the audit row carries.</summary>
    SnapshotAltered = 3,
}

/// <summary>A replay: the verdict, the names recomputed (null when the snapshot can no longer be run), and the hash found.</summary>
public sealed record DrawReplay(ReplayVerdict Verdict, DrawResult? Recomputed, string ActualHash, string? Problem)
{
    public bool Consistent => Verdict == ReplayVerdict.Consistent;

    /// <summary>
    /// Re-runs the draw from the stored snapshot with the seed and the rule of the audit row, and checks the snapshot's
    /// hash against the one the audit row carries. The panel's own column plays no part.
    /// </summary>
    public static DrawReplay Run(DrawLog log, string snapshotContent)
    {
        var hash = DrawSnapshot.Hash(snapshotContent);
        var snapshot = DrawSnapshot.Parse(snapshotContent);
        DrawResult? again = null;
        string? problem = null;
        if (snapshot is null)
        {
            problem = "存档快照无法读取";
        }
        else
        {
            try
            {
                again = ExpertDraw.Run(log.Seed, log.Rule, snapshot.Pool, snapshot.Conflicts).Result;
            }
            catch (DomainException e)
            {
                problem = "按存档快照无法重新抽取：" + e.Message;
            }
        }

        var verdict = !string.Equals(hash, log.SnapshotHash, StringComparison.Ordinal) ? ReplayVerdict.SnapshotAltered
            : again is not null && again.Selected.SequenceEqual(log.Selected) && again.Reserves.SequenceEqual(log.Reserves) ? ReplayVerdict.Consistent
            : ReplayVerdict.ResultDiffers;
        return new DrawReplay(verdict, again, hash, problem);
    }
}
