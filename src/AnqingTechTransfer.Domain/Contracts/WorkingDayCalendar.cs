namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>A day that differs from the weekday rule: a public holiday on a weekday, or a make-up working day (调休) on a weekend.</summary>
public sealed record CalendarException(DateOnly Date, bool IsWorkingDay, string Name);

/// <summary>
/// China's working days: Monday to Friday, except public holidays, plus the weekend days the State Council
/// declares working days. The exceptions come from a table the bureau maintains.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<CalendarException> exceptions)
{
    private readonly Dictionary<DateOnly, bool> _exceptions = exceptions.ToDictionary(e => e.Date, e => e.IsWorkingDay);

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
