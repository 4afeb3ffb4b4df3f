namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>A day that differs from the weekday rule: a public holiday on a weekday, or a make-up working day (调休) on a weekend.</summary>
public sealed record CalendarException(DateOnly Date, bool IsWorkingDay, string Name);

/// <summary>
/// China's working days: Monday to Friday, except public holidays, plus the weekend days the State Council
/// declares working days. The exceptions come from a table the bureau maintains.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<CalendarException> exceptions)
{
    /// <summary>How far ahead the calendar must reach (in working days from today) before the bureau is warned.</summary>
    public const int LookAheadWorkingDays = 60;

    private readonly Dictionary<DateOnly, bool> _exceptions = exceptions.ToDictionary(e => e.Date, e => e.IsWorkingDay);

    /// <summary>
    /// The years the calendar covers: those with at least one row (every year has holidays on weekdays, so a year without
    /// rows is a year nobody entered). Outside them the weekday rule still answers, but only as a guess.
    /// </summary>
    public CalendarCoverage Coverage => new(_exceptions.Keys.Select(d => d.Year));

    /// <summary>Whether the next <paramref name="workingDays"/> working days from <paramref name="today"/> lie in covered years.</summary>
    public CalendarOutlook LookAhead(DateOnly today, int workingDays = LookAheadWorkingDays) =>
        new(today, AddWorkingDays(today, workingDays), workingDays, Coverage);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date by which something received on <paramref name="start"/> must be done: the n-th working day after it.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The official 2025 and 2026 arrangements (国务院办公厅 notices), seeded into the bureau's table.</summary>
    public static IReadOnlyList<CalendarException> China2025To2026 { get; } = Build(
    [
        ("2025-01-01", "元旦"), ("2025-01-28..2025-02-04", "春节"), ("2025-04-04..2025-04-06", "清明节"),
        ("2025-05-01..2025-05-05", "劳动节"), ("2025-05-31..2025-06-02", "端午节"), ("2025-10-01..2025-10-08", "国庆节、中秋节"),
        ("2026-01-01..2026-01-03", "元旦"), ("2026-02-15..2026-02-23", "春节"), ("2026-04-04..2026-04-06", "清明节"),
        ("2026-05-01..2026-05-05", "劳动节"), ("2026-06-19..2026-06-21", "端午节"), ("2026-09-25..2026-09-27", "中秋节"),
        ("2026-10-01..2026-10-07", "国庆节"),
    ],
    [
        ("2025-01-26", "春节调休上班"), ("2025-02-08", "春节调休上班"), ("2025-04-27", "劳动节调休上班"),
        ("2025-09-28", "国庆节调休上班"), ("2025-10-11", "国庆节调休上班"),
        ("2026-01-04", "元旦调休上班"), ("2026-02-14", "春节调休上班"), ("2026-02-28", "春节调休上班"),
        ("2026-05-09", "劳动节调休上班"), ("2026-09-20", "国庆节调休上班"), ("2026-10-10", "国庆节调休上班"),
    ]);

    private static List<CalendarException> Build((string Range, string Name)[] holidays, (string Date, string Name)[] workdays)
    {
        var list = new List<CalendarException>();
        foreach (var (range, name) in holidays)
        {
            var parts = range.Split("..");
            var first = DateOnly.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var last = parts.Length > 1 ? DateOnly.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : first;
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                list.Add(new CalendarException(d, false, name));
            }
        }

        list.AddRange(workdays.Select(w => new CalendarException(DateOnly.Parse(w.Date, System.Globalization.CultureInfo.InvariantCulture), true, w.Name)));
        return list;
    }
}

/// <summary>The years the bureau has entered into the working-day calendar, and what that means for a deadline.</summary>
public sealed class CalendarCoverage(IEnumerable<int> years)
{
    private readonly SortedSet<int> _years = new(years);

    public IReadOnlyCollection<int> Years => _years;

    public bool Covers(DateOnly date) => _years.Contains(date.Year);

    /// <summary>The last day of the unbroken run of covered years that holds <paramref name="from"/>; null when its year is not covered.</summary>
    public DateOnly? CoveredThrough(DateOnly from)
    {
        if (!_years.Contains(from.Year))
        {
            return null;
        }

        var year = from.Year;
        while (_years.Contains(year + 1))
        {
            year++;
        }

        return new DateOnly(year, 12, 31);
    }

    /// <summary>The years between the two dates (inclusive) that have no calendar rows.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !_years.Contains(y)).ToList();

    /// <summary>
    /// A deadline counted from <paramref name="start"/> is provisional (暂定) when any day counted, after the start up to the
    /// deadline, lies in a year the calendar does not cover: a holiday there would move it.
    /// </summary>
    public bool IsProvisional(DateOnly? start, DateOnly? deadline) =>
        start is { } s && deadline is { } d && d > s && MissingYears(s.AddDays(1), d).Count > 0;

    /// <summary>The explanation shown next to a provisional deadline.</summary>
    public const string ProvisionalExplanation =
        "暂定：办理时限超出工作日历已录入的年份，未计入该年度的法定节假日和调休，市科技局按国务院办公厅通知录入该年度安排后以实际工作日为准。";
}

/// <summary>Whether the calendar reaches far enough ahead: the next working days from today, and the years they need.</summary>
public sealed record CalendarOutlook(DateOnly Today, DateOnly Horizon, int WorkingDays, CalendarCoverage Coverage)
{
    public IReadOnlyList<int> MissingYears => Coverage.MissingYears(Today, Horizon);

    /// <summary>The calendar does not cover the next working days: the bureau must enter the missing year(s).</summary>
    public bool IsShort => MissingYears.Count > 0;

    public DateOnly? CoveredThrough => Coverage.CoveredThrough(Today);

    /// <summary>The warning in Chinese; null when the calendar reaches far enough.</summary>
    public string? Warning => !IsShort ? null
        : $"工作日历{(CoveredThrough is { } through ? $"只录入到 {through.Year}年{through.Month}月{through.Day}日" : $"尚未录入 {Today.Year} 年的安排")}，"
          + $"未来 {WorkingDays} 个工作日（约至 {Horizon.Year}年{Horizon.Month}月{Horizon.Day}日）超出已录入范围。"
          + $"请市科技局按国务院办公厅通知录入 {string.Join("、", MissingYears)} 年的节假日和调休安排；录入前，超出范围的办理时限标为“暂定”。";

    /// <summary>The same in English, for operators reading /health/ready.</summary>
    public string? WarningEnglish => !IsShort ? null
        : $"The working-day calendar does not cover the next {WorkingDays} working days (to about {Horizon.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}); "
          + $"missing year(s): {string.Join(", ", MissingYears)}. The bureau must enter the State Council holiday arrangement; deadlines past the covered range are provisional.";
}
