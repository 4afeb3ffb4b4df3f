using System.Globalization;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>zh-CN display formats: dates as 2025年3月1日 in Beijing time, amounts in 万元 with two decimals.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static DateTimeOffset Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Beijing);

    /// <summary>The instant a Beijing calendar day begins, in UTC (what timestamp columns are compared with).</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>Today's date in Beijing: what deadlines, due dates and "this year" are counted in.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);

    public static string Date(DateTimeOffset? value) => value is null ? "—" : Local(value.Value).ToString("yyyy年M月d日", Chinese);

    public static string Date(DateOnly? value) => value is null ? "—" : value.Value.ToString("yyyy年M月d日", Chinese);

    public static string DateTime(DateTimeOffset? value) => value is null ? "—" : Local(value.Value).ToString("yyyy年M月d日 HH:mm", Chinese);

    /// <summary>Amounts in 万元 everywhere (issue 25 §8): thousands separated, always two decimals.</summary>
    public const string AmountFormat = "#,##0.00";

    public static string WanYuan(decimal? value) => value is null ? "—" : value.Value.ToString(AmountFormat, Chinese) + " 万元";

    /// <summary>An amount in 万元 without the unit (tables say 万元 in the heading): 1,731.90.</summary>
    public static string Amount(decimal value) => value.ToString(AmountFormat, Chinese);

    public static string Amount(decimal? value) => value is null ? "—" : Amount(value.Value);

    /// <summary>A figure in its unit: counts (家、项、个、人、名、件) whole, everything else (万元, %…) with two decimals.</summary>
    public static string Figure(decimal value, string unit) =>
        value.ToString(Domain.Targets.Indicator.IsCountUnit(unit) ? "#,##0" : AmountFormat, Chinese);

    public static string Figure(decimal? value, string unit) => value is null ? "—" : Figure(value.Value, unit);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>A file's size as people read it: 812 B, 35 KB, 2.4 MB.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", Chinese) + " MB",
    };
}
