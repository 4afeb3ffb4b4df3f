namespace AnqingTechTransfer.Domain.Experts;

public enum IntegrityEventKind
{
    NoShow = 1,
    Late = 2,
    PoorQualityReview = 3,
    UndeclaredConflict = 4,
    Leaking = 5,
    Gift = 6,
    FavourSeeking = 7,
}

public enum Sanction
{
    None = 0,
    Warning = 1,
    Suspension = 2,
    Removal = 3,
}

/// <summary>An integrity record (诚信记录) of an expert: what happened, the evidence, and the sanction.</summary>
public sealed record IntegrityEvent(Guid Id, Guid ExpertId, IntegrityEventKind Kind, string Evidence, Sanction Sanction, DateOnly? SuspendedUntil,
    string RecordedBy, DateTimeOffset At);

public static class Integrity
{
    public const int FullScore = 100;

    /// <summary>Points an event costs for three years.</summary>
    public static int Weight(this IntegrityEventKind kind) => kind switch
    {
        IntegrityEventKind.Late => 3,
        IntegrityEventKind.PoorQualityReview => 5,
        IntegrityEventKind.NoShow => 10,
        IntegrityEventKind.UndeclaredConflict => 20,
        IntegrityEventKind.Leaking or IntegrityEventKind.Gift or IntegrityEventKind.FavourSeeking => 30,
        _ => 10,
    };

    public static int Score(IEnumerable<IntegrityEvent> events, DateOnly today)
    {
        var since = today.AddYears(-3);
        var lost = events.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) > since).Sum(e => e.Kind.Weight());
        return Math.Max(0, FullScore - lost);
    }

    public static string Name(this IntegrityEventKind kind) => kind switch
    {
        IntegrityEventKind.NoShow => "无故缺席评审",
        IntegrityEventKind.Late => "迟到或未按时完成评审",
        IntegrityEventKind.PoorQualityReview => "评审质量差",
        IntegrityEventKind.UndeclaredConflict => "应回避未回避",
        IntegrityEventKind.Leaking => "泄露评审信息",
        IntegrityEventKind.Gift => "收受礼品礼金",
        IntegrityEventKind.FavourSeeking => "接受请托",
        _ => kind.ToString(),
    };

    public static string Name(this Sanction sanction) => sanction switch
    {
        Sanction.None => "不处理",
        Sanction.Warning => "警告",
        Sanction.Suspension => "暂停评审资格",
        Sanction.Removal => "出库",
        _ => sanction.ToString(),
    };
}
