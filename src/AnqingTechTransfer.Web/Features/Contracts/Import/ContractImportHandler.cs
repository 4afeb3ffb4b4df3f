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
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Features.Contracts.Import;

/// <summary>A row of the export that the portal registered itself: not imported (本平台已登记), named with the portal's number.</summary>
public sealed record PortalRegisteredRow(int Line, string Number, string Project, string PortalNumber);

/// <summary>
/// What an import did: 新增 (Added), 更新 (Updated: a corrected row of a contract imported before), 未变 (Unchanged), 跳过
/// (the rows the portal registered itself), 错误 (Problems: when there are any, nothing is written), and notes (legacy codes read).
/// </summary>
public sealed record ContractImportResult(int Rows, int Added, int Updated, int Unchanged, int Skipped, IReadOnlyList<PortalRegisteredRow> PortalRegistered,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportProblem> Notes)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports the provincial system's export of contracts registered elsewhere with an Anqing buyer (吸纳). Rows are read
/// one at a time, checked, and streamed with PostgreSQL COPY into a staging table; only when every row holds are they
/// written. A row whose registration number was imported before updates that contract when its fields differ (a corrected
/// row, named in the contract's history) and is counted unchanged otherwise, so re-importing a file changes nothing. A row
/// the portal registered itself (its number is the portal's, or the same parties' credit codes, signing date and amount) is
/// not imported and is listed as 本平台已登记.
/// </summary>
public class ContractImportHandler(PortalDbContext db, TimeProvider clock) : Shared.IUseCase
{
    public const int MaxProblems = 200;

    /// <summary>How many 本平台已登记 rows the result page lists (all are counted).</summary>
    public const int MaxListed = 500;

    /// <summary>The accepted columns (the first row holds these headers; order does not matter). docs/operations.md lists them.</summary>
    public static readonly string[] Columns =
    [
        "登记编号", "项目名称", "合同类别", "卖方名称", "卖方统一社会信用代码", "卖方所在地区代码", "买方名称", "买方统一社会信用代码",
        "买方所在地区代码", "买方所在园区", "技术领域", "成交额（万元）", "技术交易额（万元）", "签订日期", "登记日期", "中介机构名称", "中介机构统一社会信用代码",
        "卖方国别（地区）代码", "买方国别（地区）代码",
    ];

    internal static readonly string[] Required = ["登记编号", "项目名称", "合同类别", "卖方名称", "卖方所在地区代码", "买方名称", "买方所在地区代码", "技术领域", "成交额（万元）", "技术交易额（万元）", "签订日期", "登记日期"];

    public async Task<ContractImportResult> ImportAsync(Stream content, bool excel, ImportRun<ContractImportResult> run, CancellationToken ct)
    {
        var fields = await db.CodeEntries.AsNoTracking().Where(c => c.Table == CodeTableCatalog.TechnicalField).ToListAsync(ct);
        var countries = (await db.CodeEntries.AsNoTracking().Where(c => c.Table == CodeTableCatalog.CountryRegion && !c.Retired).Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        var notes = new List<ImportProblem>();
        var fieldCodes = fields.SelectMany(f => new[] { (f.Code, f.Code), (f.Name, f.Code) }).DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
        var point = await db.RegistrationPoints.AsNoTracking().SingleAsync(p => p.Code == ReferenceSeed.ImportPointCode, ct);
        var problems = new List<ImportProblem>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        var passed = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE contract_import (line int, number text, project text, type int, seller_name text, seller_code text, seller_division text, seller_region text,
                buyer_name text, buyer_code text, buyer_division text, buyer_region text, field text, amount numeric, tech numeric, signed date, registered timestamptz,
                broker_name text, broker_code text, seller_country text, buyer_country text, portal_number text)
            ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contract_import (line, number, project, type, seller_name, seller_code, seller_division, seller_region, buyer_name, buyer_code, buyer_division, buyer_region, field, amount, tech, signed, registered, broker_name, broker_code, seller_country, buyer_country) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (line, row) in TabularImport.Rows(content, excel, Required, problems))
            {
                rows++;
                var problemsBefore = problems.Count;
                var parsed = ImportedContractRow.Parse(line, row, fieldCodes, countries, numbers, problems, notes);
                if (parsed is not null && problems.Count == problemsBefore)
                {
                    passed++;
                }

                await run.ReportAsync(rows, passed, ImportRun<ContractImportResult>.RejectedLines(problems), false, ct);
                if (parsed is null || problems.Count > 0)
                {
                    if (problems.Count >= MaxProblems)
                    {
                        break;
                    }

                    continue; // keep checking to report every bad row; nothing is written once a row failed
                }

                await copy.StartRowAsync(ct);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct);
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
                await copy.WriteAsync(parsed.SellerCountry, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(parsed.BuyerCountry, NpgsqlDbType.Text, ct);
            }

            if (rows == 0)
            {
                problems.Add(new ImportProblem(1, "文件中没有数据行"));
            }

            await run.ReportAsync(rows, passed, ImportRun<ContractImportResult>.RejectedLines(problems), true, ct);
            if (problems.Count > 0)
            {
                return new ContractImportResult(rows, 0, 0, 0, 0, [], problems, notes); // the COPY is abandoned and the transaction rolled back: nothing is imported
            }

            await copy.CompleteAsync(ct);
        }

        // Raw SQL on purpose: the portal's own registrations and known registration numbers are looked up anywhere in the city,
        // whoever may see them. A row the portal registered itself: its number is the portal's, or the parties' credit codes,
        // the signing date and the amount all match a contract registered here.
        // Two plain equi-joins (hash-joinable on a large table) rather than one join on an OR; the staging table is analyzed first
        // so that the planner knows its size.
        await db.Database.ExecuteSqlAsync($"ANALYZE contract_import", ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE contract_import i SET portal_number = c.registration_number
            FROM tech_contracts c
            WHERE NOT c.is_imported AND c.registration_number = i.number
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE contract_import i SET portal_number = c.registration_number
            FROM tech_contracts c
            WHERE i.portal_number IS NULL AND NOT c.is_imported AND c.registration_number IS NOT NULL AND i.seller_code <> '' AND i.buyer_code <> ''
              AND c.seller_credit_code = i.seller_code AND c.buyer_credit_code = i.buyer_code AND c.signed_on = i.signed AND c.contract_amount = i.amount
            """, ct);
        var portal = await db.Database.SqlQuery<PortalRegisteredRow>($"""
            SELECT line, number, project, portal_number FROM contract_import WHERE portal_number IS NOT NULL ORDER BY line LIMIT {MaxListed}
            """).ToListAsync(ct);
        var portalCount = portal.Count < MaxListed ? portal.Count : (await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM contract_import WHERE portal_number IS NOT NULL
            """).ToListAsync(ct)).Single();

        // Rows of contracts imported before: the ones whose fields differ are corrections, the rest are unchanged.
        var known = (await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM contract_import i
            WHERE i.portal_number IS NULL AND EXISTS (SELECT 1 FROM tech_contracts c WHERE c.registration_number = i.number AND c.is_imported)
            """).ToListAsync(ct)).Single();
        var corrected = await db.Database.SqlQuery<StagedRow>($"""
            SELECT i.number, i.project, i.type, i.seller_name, i.seller_code, i.seller_division, i.seller_region, i.seller_country,
                i.buyer_name, i.buyer_code, i.buyer_division, i.buyer_region, i.buyer_country, i.field, i.amount, i.tech, i.signed, i.registered,
                i.broker_name, (SELECT o.id FROM organizations o WHERE o.credit_code = i.broker_code) AS broker_id
            FROM contract_import i JOIN tech_contracts c ON c.registration_number = i.number AND c.is_imported
            WHERE i.portal_number IS NULL AND (c.project_name IS DISTINCT FROM i.project OR c.type <> i.type
                OR c.seller_name IS DISTINCT FROM i.seller_name OR c.seller_credit_code IS DISTINCT FROM i.seller_code
                OR c.seller_division_code IS DISTINCT FROM i.seller_division OR c.seller_region_code IS DISTINCT FROM i.seller_region
                OR c.seller_country_code IS DISTINCT FROM i.seller_country OR c.buyer_name IS DISTINCT FROM i.buyer_name
                OR c.buyer_credit_code IS DISTINCT FROM i.buyer_code OR c.buyer_division_code IS DISTINCT FROM i.buyer_division
                OR c.buyer_region_code IS DISTINCT FROM i.buyer_region OR c.buyer_country_code IS DISTINCT FROM i.buyer_country
                OR c.technical_field_code IS DISTINCT FROM i.field OR c.contract_amount <> i.amount OR c.tech_amount <> i.tech
                OR c.signed_on <> i.signed OR c.registered_at IS DISTINCT FROM i.registered OR c.broker_name IS DISTINCT FROM i.broker_name)
            ORDER BY i.line
            """).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var me = new ContractActor(run.UserId, run.UserName);
        var updated = 0;
        foreach (var batch in corrected.Chunk(500))
        {
            var batchNumbers = batch.Select(r => r.Number).ToList();
            // Through the tenant filter: only the bureau imports, and it sees every contract of the city.
            var contracts = await db.TechContracts.Where(c => c.IsImported && batchNumbers.Contains(c.RegistrationNumber!)).ToDictionaryAsync(c => c.RegistrationNumber!, ct);
            foreach (var row in batch)
            {
                if (contracts.TryGetValue(row.Number, out var contract) && contract.CorrectImported(row.ToRecord(), now, me).Count > 0)
                {
                    updated++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tech_contracts (id, status, registration_point_id, filer_organization_id, seller_region_code, buyer_region_code, project_name, type,
                is_technology_import, technical_field_code, ip_type_code, plan_source_code, socio_economic_goal_code, signed_on, valid_from, valid_to,
                contract_amount, tech_amount, payment_mode, created_at, is_disputed, registered_at, registration_number, is_imported, deductions,
                buyer_country_code, buyer_credit_code, buyer_name, buyer_nature_code, buyer_division_code,
                seller_country_code, seller_credit_code, seller_name, seller_nature_code, seller_division_code, broker_name, broker_organization_id,
                responsible_person, filled_by)
            SELECT gen_random_uuid(), {(int)ContractStatus.Registered}, {point.Id}, {run.OrganizationId}, i.seller_region, i.buyer_region, i.project, i.type,
                false, i.field, '', '', '', i.signed, i.signed, i.signed, i.amount, i.tech, {(int)PaymentMode.Other}, {now}, false, i.registered, i.number, true, '[]',
                i.buyer_country, i.buyer_code, i.buyer_name, '', i.buyer_division, i.seller_country, i.seller_code, i.seller_name, '', i.seller_division,
                i.broker_name, (SELECT o.id FROM organizations o WHERE o.credit_code = i.broker_code), '', ''
            FROM contract_import i
            WHERE i.portal_number IS NULL AND NOT EXISTS (SELECT 1 FROM tech_contracts c WHERE c.registration_number = i.number)
            """, ct);
        db.Audit("导入", AuditOutcome.Success, nameof(TechContract), null,
            $"外地登记吸纳合同：{rows} 行，新增 {added} 条，更新 {updated} 条，未变 {known - updated} 条，本平台已登记跳过 {portalCount} 条",
            run.UserId, run.UserName, run.OrganizationId);
        var result = new ContractImportResult(rows, added, updated, known - updated, portalCount, portal, [], notes);
        run.Completing?.Invoke(result);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>A staged row of a contract imported before whose fields differ, as the database reads it back (snake_case columns).</summary>
    internal sealed class StagedRow
    {
        public string Number { get; init; } = string.Empty;
        public string Project { get; init; } = string.Empty;
        public int Type { get; init; }
        public string SellerName { get; init; } = string.Empty;
        public string SellerCode { get; init; } = string.Empty;
        public string SellerDivision { get; init; } = string.Empty;
        public string? SellerRegion { get; init; }
        public string SellerCountry { get; init; } = string.Empty;
        public string BuyerName { get; init; } = string.Empty;
        public string BuyerCode { get; init; } = string.Empty;
        public string BuyerDivision { get; init; } = string.Empty;
        public string? BuyerRegion { get; init; }
        public string BuyerCountry { get; init; } = string.Empty;
        public string Field { get; init; } = string.Empty;
        public decimal Amount { get; init; }
        public decimal Tech { get; init; }
        public DateOnly Signed { get; init; }
        public DateTime Registered { get; init; }
        public string? BrokerName { get; init; }
        public Guid? BrokerId { get; init; }

        public ImportedRecord ToRecord() => new(Project, (TechContractType)Type,
            new ContractParty(SellerName, SellerCode, SellerCountry, SellerDivision, string.Empty),
            new ContractParty(BuyerName, BuyerCode, BuyerCountry, BuyerDivision, string.Empty),
            SellerRegion, BuyerRegion, Field, Amount, Tech, Signed, new DateTimeOffset(DateTime.SpecifyKind(Registered, DateTimeKind.Utc)), BrokerName, BrokerId);
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
}
