namespace AnqingTechTransfer.Domain.Targets;

public enum PathShape
{
    /// <summary>The same growth rate every year (the default: "double in four years" is ×2^(1/4) a year).</summary>
    Geometric = 1,
    /// <summary>The same increment every year.</summary>
    Linear = 2,
}

/// <summary>A plan period's yearly targets from a baseline to a final target (e.g. 2021 → 2025, ×2).</summary>
public static class TargetPath
{
    /// <summary>
    /// The path; with <paramref name="wholeNumbers"/> (indicators that count enterprises, projects, people) every year's
    /// target is rounded up to a whole number, so a target is never below the plan's path and never "88.45 家".
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> Build(int baselineYear, decimal baseline, int finalYear, decimal finalTarget, PathShape shape = PathShape.Geometric,
        bool wholeNumbers = false)
    {
        if (finalYear <= baselineYear)
        {
            throw new DomainException("目标年度应晚于基期年度");
        }

        if (baseline < 0 || finalTarget < 0)
        {
            throw new DomainException("基期值和目标值不能为负数");
        }

        if (shape == PathShape.Geometric && baseline == 0)
        {
            throw new DomainException("基期值为0时不能按等比增长分解，请选择等差分解");
        }

        var years = finalYear - baselineYear;
        var path = new Dictionary<int, decimal>();
        for (var k = 1; k <= years; k++)
        {
            var value = shape switch
            {
                PathShape.Geometric => baseline * (decimal)Math.Pow((double)(finalTarget / baseline), k / (double)years),
                _ => baseline + (finalTarget - baseline) * k / years,
            };
            var year = k == years ? finalTarget : decimal.Round(value, 2);
            path[baselineYear + k] = wholeNumbers ? decimal.Ceiling(year) : year;
        }

        return path;
    }
}

public enum TargetStatus
{
    Ahead = 1,
    OnTrack = 2,
    Behind = 3,
}

/// <summary>
/// The cockpit's status rule, stated on the page: progress is the actual as a share of the year's target; elapsed is the
/// share of the year gone. Ahead when progress leads elapsed by more than the margin, behind when it trails by more.
/// </summary>
public static class TargetStatusRule
{
    public const decimal Margin = 0.05m;

    public static TargetStatus Evaluate(decimal actual, decimal target, decimal elapsedShare)
    {
        if (target <= 0)
        {
            return TargetStatus.OnTrack;
        }

        var progress = actual / target;
        var elapsed = Math.Clamp(elapsedShare, 0m, 1m);
        return progress >= elapsed + Margin ? TargetStatus.Ahead : progress >= elapsed - Margin ? TargetStatus.OnTrack : TargetStatus.Behind;
    }

    /// <summary>The share of a year elapsed on a date (1 January → 1/365; 31 December → 1).</summary>
    public static decimal ElapsedShare(DateOnly date) => (decimal)date.DayOfYear / (DateTime.IsLeapYear(date.Year) ? 366 : 365);

    public static string Name(this TargetStatus status) => status switch
    {
        TargetStatus.Ahead => "超前",
        TargetStatus.OnTrack => "正常",
        TargetStatus.Behind => "滞后",
        _ => status.ToString(),
    };
}
