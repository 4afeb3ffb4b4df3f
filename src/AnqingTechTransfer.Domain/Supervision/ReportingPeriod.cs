namespace AnqingTechTransfer.Domain.Supervision;

/// <summary>A quarter of a year: the period a progress report (or a quarterly index) covers.</summary>
public readonly record struct ReportingPeriod(int Year, int Quarter)
{
    public DateOnly Starts => new(Year, (Quarter * 3) - 2, 1);
    public DateOnly Ends => Starts.AddMonths(3).AddDays(-1);
    public string Code => $"{Year}Q{Quarter}";
    public string Label => $"{Year}年第{Quarter}季度";

    /// <summary>A quarter's report is due a number of days after the quarter ends.</summary>
    public DateOnly DueOn(int daysAfterEnd) => Ends.AddDays(daysAfterEnd);

    public ReportingPeriod Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public static ReportingPeriod Containing(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>The last quarter that has ended on a day: the one whose report is being asked for.</summary>
    public static ReportingPeriod LastEnded(DateOnly today) => Containing(today).Previous;

    public static bool TryParse(string? code, out ReportingPeriod period)
    {
        period = default;
        if (code is not { Length: 6 } || code[4] != 'Q' || !int.TryParse(code[..4], out var year) || !int.TryParse(code[5..], out var quarter)
            || year is < 2000 or > 2100 || quarter is < 1 or > 4)
        {
            return false;
        }

        period = new ReportingPeriod(year, quarter);
        return true;
    }

    public override string ToString() => Code;
}
