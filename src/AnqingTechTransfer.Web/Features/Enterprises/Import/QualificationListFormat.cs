using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Enterprises.Import;

/// <summary>
/// The files of the three provincial lists: their columns, their sample files, and one row read into a record with the
/// domain's rules (a broken rule becomes the row's problem, by line), with the key that finds a row repeated in a file.
/// </summary>
public static class QualificationListFormat
{
    public static IReadOnlyList<string> Columns(QualificationList list) => list switch
    {
        QualificationList.HighTech => ["企业名称", "统一社会信用代码", "所在地区", "证书编号", "发证日期", "认定方式", "技术领域"],
        QualificationList.TechSme => ["企业名称", "统一社会信用代码", "所在地区", "评价年度", "入库登记编号"],
        _ => ["企业名称", "统一社会信用代码", "所在地区", "级别", "认定年度"],
    };

    public static IReadOnlyList<string> Required(QualificationList list) => list == QualificationList.HighTech ? Columns(list).Take(5).ToList() : Columns(list);

    public static string SampleFile(QualificationList list) => list switch
    {
        QualificationList.HighTech => "high-tech-list-sample.csv",
        QualificationList.TechSme => "tech-sme-list-sample.csv",
        _ => "specialized-list-sample.csv",
    };

    public static string Name(QualificationList list) => list switch
    {
        QualificationList.HighTech => "高新技术企业认定名单",
        QualificationList.TechSme => "科技型中小企业入库名单",
        _ => "专精特新企业名单",
    };

    public static string Key(QualificationRecord record) => record switch
    {
        HighTechRecord h => $"{h.CreditCode}|{h.Number}",
        TechSmeRecord s => $"{s.CreditCode}|{s.Year}",
        SpecializedRecord p => $"{p.CreditCode}|{(int)p.Level}|{p.Year}",
        _ => record.Id.ToString(),
    };

    public static QualificationRecord? Parse(QualificationList list, int line, IReadOnlyDictionary<string, string> row, IReadOnlyDictionary<string, string> fieldCodes,
        DateTimeOffset now, List<ImportProblem> problems)
    {
        string Get(string column) => row.TryGetValue(column, out var v) ? v.Trim() : string.Empty;
        var errors = Required(list).Where(c => Get(c).Length == 0).Select(c => $"缺少“{c}”").ToList();
        var regionText = Get("所在地区");
        var region = AnqingRegions.All.FirstOrDefault(r => r.Kind != RegionKind.City && (r.Code == regionText || r.Name == regionText));
        if (regionText.Length > 0 && region is null)
        {
            errors.Add($"所在地区“{regionText}”无效（应为安庆市所辖县（市、区）或园区的名称或代码）");
        }

        if (errors.Count > 0)
        {
            problems.Add(new ImportProblem(line, string.Join("；", errors)));
            return null;
        }

        try
        {
            switch (list)
            {
                case QualificationList.HighTech:
                    if (ParseDate(Get("发证日期")) is not { } issued)
                    {
                        throw new DomainException($"发证日期“{Get("发证日期")}”无法识别（如 2025-03-01）");
                    }

                    var modeText = Get("认定方式");
                    HighTechMode? mode = modeText is "" or "认定" ? HighTechMode.Recognition : modeText == "报备" ? HighTechMode.Filing : null;
                    if (mode is null)
                    {
                        throw new DomainException($"认定方式“{modeText}”无效（应为认定或报备）");
                    }

                    var fieldText = Get("技术领域");
                    var field = fieldText.Length == 0 ? string.Empty : fieldCodes.GetValueOrDefault(fieldText);
                    if (field is null)
                    {
                        throw new DomainException($"技术领域“{fieldText}”不在国家重点支持的八大领域中");
                    }

                    return HighTechRecord.Create(Get("统一社会信用代码"), Get("企业名称"), region!.Code, null, Get("证书编号"), issued, mode.Value, field,
                        QualificationSource.Imported, now);
                case QualificationList.TechSme:
                    return TechSmeRecord.Create(Get("统一社会信用代码"), Get("企业名称"), region!.Code, null, ParseYear(Get("评价年度"), "评价年度"), Get("入库登记编号"),
                        QualificationSource.Imported, now);
                default:
                    var level = SpecializedLevels.Parse(Get("级别")) ?? throw new DomainException($"级别“{Get("级别")}”无效（应为省级或国家级）");
                    return SpecializedRecord.Create(Get("统一社会信用代码"), Get("企业名称"), region!.Code, null, level, ParseYear(Get("认定年度"), "认定年度"),
                        QualificationSource.Imported, now);
            }
        }
        catch (DomainException e)
        {
            problems.Add(new ImportProblem(line, e.Message));
            return null;
        }
    }

    private static int ParseYear(string text, string column) =>
        int.TryParse(text.TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : throw new DomainException($"{column}“{text}”应为4位年份");

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
