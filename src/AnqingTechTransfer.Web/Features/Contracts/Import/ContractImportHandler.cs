using System.Globalization;
using System.Text;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Features.Contracts.Import;

/// <summary>
/// Imports the provincial system's export of contracts registered elsewhere with an Anqing buyer (吸纳). Rows are read
/// one at a time, checked, and streamed with PostgreSQL COPY into a staging table; only when every row holds are they
/// inserted, and rows whose registration number is already known are skipped, so re-importing a file changes nothing.
/// </summary>
public class ContractImportHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : Shared.IUseCase
{
    public const int MaxProblems = 200;

    /// <summary>The accepted columns (the first row holds these headers; order does not matter). docs/operations.md lists them.</summary>
    public static readonly string[] Columns =
    [
        "登记编号", "项目名称", "合同类别", "卖方名称", "卖方统一社会信用代码", "卖方所在地区代码", "买方名称", "买方统一社会信用代码",
        "买方所在地区代码", "买方所在园区", "技术领域", "成交额（万元）", "技术交易额（万元）", "签订日期", "登记日期", "中介机构名称", "中介机构统一社会信用代码",
    ];

    private static readonly string[] Required = ["登记编号", "项目名称", "合同类别", "卖方名称", "卖方所在地区代码", "买方名称", "买方所在地区代码", "技术领域", "成交额（万元）", "技术交易额（万元）", "签订日期", "登记日期"];

    public async Task<ImportResult> ImportAsync(Stream content, bool excel, CancellationToken ct)
    {
        var fields = await db.CodeEntries.AsNoTracking().Where(c => c.Table == CodeTableCatalog.TechnicalField).ToListAsync(ct);
        var fieldCodes = fields.SelectMany(f => new[] { (f.Code, f.Code), (f.Name, f.Code) }).DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
        var point = await db.RegistrationPoints.AsNoTracking().SingleAsync(p => p.Code == ReferenceSeed.ImportPointCode, ct);
        var problems = new List<ImportProblem>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE contract_import (number text, project text, type int, seller_name text, seller_code text, seller_division text, seller_region text,
                buyer_name text, buyer_code text, buyer_division text, buyer_region text, field text, amount numeric, tech numeric, signed date, registered timestamptz,
                broker_name text, broker_code text)
            ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contract_import (number, project, type, seller_name, seller_code, seller_division, seller_region, buyer_name, buyer_code, buyer_division, buyer_region, field, amount, tech, signed, registered, broker_name, broker_code) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (line, row) in TabularImport.Rows(content, excel, Required, problems))
            {
                rows++;
                var parsed = Parse(line, row, fieldCodes, numbers, problems);
                if (parsed is null || problems.Count > 0)
                {
                    if (problems.Count >= MaxProblems)
                    {
                        break;
                    }

                    continue; // keep checking to report every bad row; nothing is written once a row failed
                }

                await copy.StartRowAsync(ct);
                await copy.WriteAsync(parsed.Number, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.Project, NpgsqlDbType.Text, ct);
                await copy.WriteAsync((int)parsed.Type, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(parsed.SellerName, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.SellerCode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.SellerDivision, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, parsed.SellerRegion, ct);
                await copy.WriteAsync(parsed.BuyerName, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.BuyerCode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.BuyerDivision, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.BuyerRegion, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.Field, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.Amount, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(parsed.Tech, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(parsed.Signed, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(parsed.Registered.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, parsed.BrokerName, ct);
                await WriteNullableAsync(copy, parsed.BrokerCode, ct);
            }

            if (rows == 0)
            {
                problems.Add(new ImportProblem(1, "文件中没有数据行"));
            }

            if (problems.Count > 0)
            {
                return new ImportResult(rows, 0, 0, problems); // the COPY is abandoned and the transaction rolled back: nothing is imported
            }

            await copy.CompleteAsync(ct);
        }

        // Raw SQL on purpose: duplicates are known registration numbers anywhere in the city, whoever may see them.
        var duplicates = (await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM contract_import i WHERE EXISTS (SELECT 1 FROM tech_contracts c WHERE c.registration_number = i.number)
            """).ToListAsync(ct)).Single();
        var now = clock.GetUtcNow();
        var imported = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tech_contracts (id, status, registration_point_id, filer_organization_id, seller_region_code, buyer_region_code, project_name, type,
                is_technology_import, technical_field_code, ip_type_code, plan_source_code, socio_economic_goal_code, signed_on, valid_from, valid_to,
                contract_amount, tech_amount, payment_mode, created_at, is_disputed, registered_at, registration_number, is_imported, deductions,
                buyer_country_code, buyer_credit_code, buyer_name, buyer_nature_code, buyer_division_code,
                seller_country_code, seller_credit_code, seller_name, seller_nature_code, seller_division_code, broker_name, broker_organization_id)
            SELECT gen_random_uuid(), {(int)ContractStatus.Registered}, {point.Id}, {actor.OrganizationId}, i.seller_region, i.buyer_region, i.project, i.type,
                false, i.field, '', '', '', i.signed, i.signed, i.signed, i.amount, i.tech, {(int)PaymentMode.Other}, {now}, false, i.registered, i.number, true, '[]',
                '156', i.buyer_code, i.buyer_name, '', i.buyer_division, '156', i.seller_code, i.seller_name, '', i.seller_division,
                i.broker_name, (SELECT o.id FROM organizations o WHERE o.credit_code = i.broker_code)
            FROM contract_import i
            WHERE NOT EXISTS (SELECT 1 FROM tech_contracts c WHERE c.registration_number = i.number)
            """, ct);
        db.Audit("导入", AuditOutcome.Success, nameof(TechContract), null, $"外地登记吸纳合同：{rows} 行，导入 {imported} 条，重复跳过 {duplicates} 条");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(rows, imported, duplicates, []);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
    }

    private sealed record ParsedRow(string Number, string Project, TechContractType Type, string SellerName, string SellerCode, string SellerDivision, string? SellerRegion,
        string BuyerName, string BuyerCode, string BuyerDivision, string BuyerRegion, string Field, decimal Amount, decimal Tech, DateOnly Signed, DateTimeOffset Registered,
        string? BrokerName, string? BrokerCode);

    private static ParsedRow? Parse(int line, IReadOnlyDictionary<string, string> row, IReadOnlyDictionary<string, string> fieldCodes, HashSet<string> numbers, List<ImportProblem> problems)
    {
        var errors = new List<string>();
        string Get(string column) => row.TryGetValue(column, out var v) ? v.Trim() : string.Empty;
        foreach (var column in Required.Where(c => Get(c).Length == 0))
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

        var signed = Date(Get("签订日期"), "签订日期", errors);
        var registered = Date(Get("登记日期"), "登记日期", errors);
        foreach (var error in errors.Take(MaxProblems - problems.Count))
        {
            problems.Add(new ImportProblem(line, error));
        }

        return errors.Count > 0 ? null : new ParsedRow(number, project, type, Get("卖方名称"), CreditCode.Normalize(Get("卖方统一社会信用代码")), Get("卖方所在地区代码"),
            AnqingRegions.All.FirstOrDefault(r => r.Kind == RegionKind.County && r.Code == Get("卖方所在地区代码"))?.Code,
            Get("买方名称"), CreditCode.Normalize(Get("买方统一社会信用代码")), Get("买方所在地区代码"), buyerRegion!, field!, amount!.Value, tech!.Value,
            signed!.Value, new DateTimeOffset(registered!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
            Get("中介机构名称") is { Length: > 0 } broker ? broker : null, Get("中介机构统一社会信用代码") is { Length: > 0 } brokerCode ? CreditCode.Normalize(brokerCode) : null);
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
