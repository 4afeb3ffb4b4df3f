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

    internal static readonly string[] Required = ["登记编号", "项目名称", "合同类别", "卖方名称", "卖方所在地区代码", "买方名称", "买方所在地区代码", "技术领域", "成交额（万元）", "技术交易额（万元）", "签订日期", "登记日期"];

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
                var parsed = ImportedContractRow.Parse(line, row, fieldCodes, numbers, problems);
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
}
