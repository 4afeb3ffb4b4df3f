using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Features.Enterprises.Import;

/// <summary>
/// Imports a provincial list (高新技术企业认定名单, 科技型中小企业入库名单, 专精特新名单). Every row is checked with the domain's
/// rules; one bad row and nothing is imported (the problems are listed by line). The rows are then copied into a staging
/// table and written with one statement each, so the summary triggers run once: records already known are left as they
/// are (re-importing a list changes nothing), and an enterprise's own entry still waiting for confirmation is confirmed
/// by the official list.
/// </summary>
public class QualificationImportHandler(PortalDbContext db, TimeProvider clock) : Shared.IUseCase
{
    public const int MaxProblems = 200;

    public async Task<ImportResult> ImportAsync(QualificationList list, Stream content, bool excel, ImportRun<ImportResult> run, CancellationToken ct)
    {
        var fields = await db.CodeEntries.AsNoTracking().Where(c => c.Table == CodeTableCatalog.HnteField).ToListAsync(ct);
        var fieldCodes = fields.SelectMany(f => new[] { (f.Code, f.Code), (f.Name, f.Code) }).DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
        var problems = new List<ImportProblem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<QualificationRecord>();
        var rows = 0;
        var passed = 0;
        var now = clock.GetUtcNow();
        foreach (var (line, row) in TabularImport.Rows(content, excel, QualificationListFormat.Required(list), problems))
        {
            rows++;
            var problemsBefore = problems.Count;
            if (QualificationListFormat.Parse(list, line, row, fieldCodes, now, problems) is { } record)
            {
                if (!keys.Add(QualificationListFormat.Key(record)))
                {
                    problems.Add(new ImportProblem(line, "与文件中前面的行重复"));
                }
                else
                {
                    records.Add(record);
                }
            }

            if (problems.Count == problemsBefore)
            {
                passed++;
            }

            await run.ReportAsync(rows, passed, ImportRun<ImportResult>.RejectedLines(problems), false, ct);

            if (problems.Count >= MaxProblems)
            {
                break;
            }
        }

        if (rows == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(1, "文件中没有数据行"));
        }

        await run.ReportAsync(rows, passed, ImportRun<ImportResult>.RejectedLines(problems), true, ct);
        if (problems.Count > 0)
        {
            return new ImportResult(rows, 0, 0, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE qualification_import (id uuid, credit_code text, enterprise_name text, region_code text, warning text,
                number text, issued_on date, valid_until date, mode int, field_code text, year int, level int) ON COMMIT DROP
            """, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY qualification_import (id, credit_code, enterprise_name, region_code, warning, number, issued_on, valid_until, mode, field_code, year, level) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var record in records)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(record.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(record.CreditCode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(record.EnterpriseName, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(record.RegionCode, NpgsqlDbType.Text, ct);
                await Nullable(copy, record.Warning, NpgsqlDbType.Text, ct);
                var h = record as HighTechRecord;
                var s = record as TechSmeRecord;
                var p = record as SpecializedRecord;
                await Nullable(copy, h?.Number ?? s?.Number, NpgsqlDbType.Text, ct);
                await Nullable(copy, h?.IssuedOn, NpgsqlDbType.Date, ct);
                await Nullable(copy, h?.ValidUntil, NpgsqlDbType.Date, ct);
                await Nullable(copy, h is null ? null : (int?)h.Mode, NpgsqlDbType.Integer, ct);
                await Nullable(copy, h?.FieldCode, NpgsqlDbType.Text, ct);
                await Nullable(copy, s?.Year ?? p?.Year, NpgsqlDbType.Integer, ct);
                await Nullable(copy, p is null ? null : (int?)p.Level, NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
        }

        const int imported = (int)QualificationSource.Imported, confirmed = (int)Confirmation.Confirmed;
        // The bureau's scope is the whole city: these statements see every record, as its queries do.
        var (confirmations, inserted) = list switch
        {
            QualificationList.HighTech => (
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE high_tech_records r SET confirmation = {confirmed} FROM qualification_import i
                    WHERE r.credit_code = i.credit_code AND r.number = i.number AND r.confirmation <> {confirmed}
                    """, ct),
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO high_tech_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at,
                        number, issued_on, valid_until, mode, field_code)
                    SELECT i.id, i.credit_code, i.enterprise_name, i.region_code, (SELECT o.id FROM organizations o WHERE o.credit_code = i.credit_code),
                        {imported}, {confirmed}, i.warning, {now}, i.number, i.issued_on, i.valid_until, i.mode, i.field_code
                    FROM qualification_import i
                    WHERE NOT EXISTS (SELECT 1 FROM high_tech_records r WHERE r.credit_code = i.credit_code AND r.number = i.number)
                    """, ct)),
            QualificationList.TechSme => (
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE tech_sme_records r SET confirmation = {confirmed} FROM qualification_import i
                    WHERE r.credit_code = i.credit_code AND r.year = i.year AND r.confirmation <> {confirmed}
                    """, ct),
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO tech_sme_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at, year, number)
                    SELECT i.id, i.credit_code, i.enterprise_name, i.region_code, (SELECT o.id FROM organizations o WHERE o.credit_code = i.credit_code),
                        {imported}, {confirmed}, i.warning, {now}, i.year, i.number
                    FROM qualification_import i
                    WHERE NOT EXISTS (SELECT 1 FROM tech_sme_records r WHERE r.credit_code = i.credit_code AND r.year = i.year)
                    """, ct)),
            _ => (
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE specialized_records r SET confirmation = {confirmed} FROM qualification_import i
                    WHERE r.credit_code = i.credit_code AND r.level = i.level AND r.year = i.year AND r.confirmation <> {confirmed}
                    """, ct),
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO specialized_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at, level, year)
                    SELECT i.id, i.credit_code, i.enterprise_name, i.region_code, (SELECT o.id FROM organizations o WHERE o.credit_code = i.credit_code),
                        {imported}, {confirmed}, i.warning, {now}, i.level, i.year
                    FROM qualification_import i
                    WHERE NOT EXISTS (SELECT 1 FROM specialized_records r WHERE r.credit_code = i.credit_code AND r.level = i.level AND r.year = i.year)
                    """, ct)),
        };
        var unchanged = rows - inserted - confirmations;
        db.Audit("导入", AuditOutcome.Success, list.ToString(), null, $"{QualificationListFormat.Name(list)}：{rows} 行，新增 {inserted} 条，确认企业自填 {confirmations} 条，已有未改动 {unchanged} 条",
            run.UserId, run.UserName, run.OrganizationId);
        var result = new ImportResult(rows, inserted + confirmations, unchanged, []);
        run.Completing?.Invoke(result);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static Task Nullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
