using System.Globalization;
using System.Text;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Contracts.Import;

/// <summary>One row of the provincial export, checked: the registration number unseen in the file, the codes and regions known, amounts and dates valid.</summary>
internal sealed record ImportedContractRow(string Number, string Project, TechContractType Type, string SellerName, string SellerCode, string SellerDivision, string? SellerRegion,
    string BuyerName, string BuyerCode, string BuyerDivision, string BuyerRegion, string Field, decimal Amount, decimal Tech, DateOnly Signed, DateTimeOffset Registered,
    string? BrokerName, string? BrokerCode, string SellerCountry = ContractParty.China, string BuyerCountry = ContractParty.China)
{
    /// <summary>
    /// Checks one row; returns it, or adds its problems (at most MaxProblems in all) and returns null. A legacy country code
    /// "156" (ISO) is read as 142 (中国 in the 国别（地区）代码表) and noted in <paramref name="notes"/>.
    /// </summary>
    public static ImportedContractRow? Parse(int line, IReadOnlyDictionary<string, string> row, IReadOnlyDictionary<string, string> fieldCodes, IReadOnlySet<string> countries,
        HashSet<string> numbers, List<ImportProblem> problems, List<ImportProblem> notes)
    {
        var errors = new List<string>();
        string Get(string column) => row.TryGetValue(column, out var v) ? v.Trim() : string.Empty;
        foreach (var column in ContractImportHandler.Required.Where(c => Get(c).Length == 0))
        {
            errors.Add($"缺少“{column}”");
        }

        var number = Get("登记编号");
        if (number.Length > 32 || !number.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("登记编号应为不超过32位的字母或数字");
        }
        else if (number.Length > 0 && !numbers.Add(number))
        {
            errors.Add($"登记编号 {number} 在文件中重复");
        }

        var project = Get("项目名称");
        if (project.Length > 200)
        {
            errors.Add("项目名称超过200个字");
        }

        var typeText = Get("合同类别");
        var type = Enum.GetValues<TechContractType>().FirstOrDefault(t => t.Name() == typeText || ((int)t).ToString(CultureInfo.InvariantCulture) == typeText);
        if (typeText.Length > 0 && type == 0)
        {
            errors.Add($"合同类别“{typeText}”无效（应为技术开发、技术转让、技术许可、技术咨询或技术服务）");
        }

        foreach (var column in new[] { "卖方统一社会信用代码", "买方统一社会信用代码", "中介机构统一社会信用代码" })
        {
            if (Get(column).Length > 0 && CreditCode.Check(Get(column)) == CreditCodeVerdict.InvalidFormat)
            {
                errors.Add($"{column}格式不正确");
            }
        }

        foreach (var column in new[] { "卖方所在地区代码", "买方所在地区代码" })
        {
            if (Get(column).Length > 0 && (Get(column).Length != 6 || !Get(column).All(char.IsAsciiDigit)))
            {
                errors.Add($"{column}应为6位数字");
            }
        }

        var parkText = Get("买方所在园区");
        var park = AnqingRegions.All.FirstOrDefault(r => r.Kind == RegionKind.Park && (r.Name == parkText || r.Code == parkText));
        if (parkText.Length > 0 && park is null)
        {
            errors.Add($"买方所在园区“{parkText}”无效（应为安庆经开区或安庆高新区）");
        }

        var buyerRegion = park?.Code ?? AnqingRegions.All.FirstOrDefault(r => r.Kind == RegionKind.County && r.Code == Get("买方所在地区代码"))?.Code;
        if (Get("买方所在地区代码").Length == 6 && buyerRegion is null)
        {
            errors.Add("买方不在安庆市各县（市、区）或园区，不属于吸纳合同");
        }

        var field = fieldCodes.GetValueOrDefault(Get("技术领域"));
        if (Get("技术领域").Length > 0 && field is null)
        {
            errors.Add($"技术领域“{Get("技术领域")}”不在数据字典中");
        }

        var amount = Decimal(Get("成交额（万元）"), "成交额", errors);
        var tech = Decimal(Get("技术交易额（万元）"), "技术交易额", errors);
        if (amount is <= 0)
        {
            errors.Add("成交额应大于0");
        }

        if (tech is < 0 || (amount is not null && tech > amount))
        {
            errors.Add("技术交易额应在0与成交额之间");
        }

        var countryCodes = new Dictionary<string, string>();
        foreach (var (column, side) in new[] { ("卖方国别（地区）代码", "卖方"), ("买方国别（地区）代码", "买方") })
        {
            var text = Get(column);
            var code = text.Length == 0 ? ContractParty.China : ContractParty.CurrentCountryCode(text);
            if (text == ContractParty.LegacyChina)
            {
                notes.Add(new ImportProblem(line, $"{column} 156 是旧的国别代码（ISO），已按国别（地区）代码表的 142（中国）导入"));
            }
            else if (!countries.Contains(code))
            {
                errors.Add($"{column}“{text}”不在国别（地区）代码表中（中国为 142）");
            }

            countryCodes[side] = code;
        }

        if (countryCodes["买方"] != ContractParty.China)
        {
            errors.Add("买方国别（地区）不是中国（142），不属于吸纳合同");
        }

        var signed = Date(Get("签订日期"), "签订日期", errors);
        var registered = Date(Get("登记日期"), "登记日期", errors);
        foreach (var error in errors.Take(ContractImportHandler.MaxProblems - problems.Count))
        {
            problems.Add(new ImportProblem(line, error));
        }

        return errors.Count > 0 ? null : new ImportedContractRow(number, project, type, Get("卖方名称"), CreditCode.Normalize(Get("卖方统一社会信用代码")), Get("卖方所在地区代码"),
            AnqingRegions.All.FirstOrDefault(r => r.Kind == RegionKind.County && r.Code == Get("卖方所在地区代码"))?.Code,
            Get("买方名称"), CreditCode.Normalize(Get("买方统一社会信用代码")), Get("买方所在地区代码"), buyerRegion!, field!, amount!.Value, tech!.Value,
            signed!.Value, new DateTimeOffset(registered!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
            Get("中介机构名称") is { Length: > 0 } broker ? broker : null, Get("中介机构统一社会信用代码") is { Length: > 0 } brokerCode ? CreditCode.Normalize(brokerCode) : null,
            countryCodes["卖方"], countryCodes["买方"]);
    }

    private static decimal? Decimal(string text, string label, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(",", string.Empty), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value < 100_000_000m)
        {
            return decimal.Round(value, 4);
        }

        errors.Add($"{label}“{text}”不是有效的金额（万元）");
        return null;
    }

    private static DateOnly? Date(string text, string label, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy/MM/dd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1990 and <= 2100)
        {
            return DateOnly.FromDateTime(date);
        }

        errors.Add($"{label}“{text}”格式不正确（如 2025-03-01）");
        return null;
    }
}
