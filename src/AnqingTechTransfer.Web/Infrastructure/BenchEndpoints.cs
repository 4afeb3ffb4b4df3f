using System.Net;
using System.Text;
using Npgsql;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The same-run references of scripts/bench.sh: the SQL of a page, run with raw Npgsql and written as minimal HTML, with
/// none of the portal's work around it (no authentication, tenancy, layout). Mapped only when Bench:Enabled is true, which
/// only the benchmark sets: these routes never exist in production.
/// </summary>
public static class BenchEndpoints
{
    // The registrar's and the county's first page of /contracts: the list (newest signed first) and the pager's count.
    private const string ListSql = """
        SELECT t.id, t.registration_number, t.project_name, t.type, t.seller_name, t.buyer_name, t.contract_amount, t.tech_amount, t.status, p.name,
               t.signed_on, t.is_imported, t.due_on
        FROM tech_contracts t JOIN registration_points p ON p.id = t.registration_point_id
        WHERE t.status <> 1 AND {0}
        ORDER BY t.signed_on DESC, t.id DESC LIMIT 20
        """;

    // Capped as the portal's pager caps it (PagedListExtensions.CountCap): an exact count of 800,000 rows is not the same work.
    private const string CountSql = "SELECT count(*) FROM (SELECT 1 FROM tech_contracts t WHERE t.status <> 1 AND {0} LIMIT 1001) capped";

    // The tenant condition of a registrar (its point) or of a county (either side in the county), as the portal's filter has it.
    private static string Where(Guid? point) =>
        point is null ? "(t.seller_region_code = @region OR t.buyer_region_code = @region)" : "t.registration_point_id = @point";

    // The cockpit's figures: the two summaries it reads for a scope (contract totals by month and region pair, and the
    // yearly qualification counts), the indicators, baselines and targets.
    private const string CockpitSql = """
        SELECT extract(year FROM month)::int, extract(month FROM month)::int, seller_region_code, buyer_region_code, contracts, contract_amount, tech_amount
        FROM contract_month_totals WHERE (contracts <> 0 OR contract_amount <> 0 OR tech_amount <> 0) AND (@region IS NULL OR seller_region_code = @region OR buyer_region_code = @region);
        SELECT region_code, year, high_tech, tech_sme FROM qualification_year_counts WHERE (@region IS NULL OR region_code = @region);
        SELECT id, key, name, unit, source FROM indicators WHERE is_active ORDER BY sort_order;
        SELECT indicator_id, region_code, value FROM kpi_baselines WHERE year = 2021;
        SELECT indicator_id, region_code, year, value, is_locked FROM kpi_targets WHERE year >= 2021;
        """;

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Enabled"))
        {
            return app;
        }

        var source = NpgsqlDataSource.Create(app.Configuration.GetConnectionString("Portal")!);
        app.MapGet("/bench/raw/contracts", async (Guid? point, string? region, HttpContext http, CancellationToken ct) =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            var html = new StringBuilder("<!DOCTYPE html><html><body><table>");
            await using (var list = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, ListSql, Where(point)), connection))
            {
                Parameters(list, point, region);
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    html.Append("<tr><td>").Append(WebUtility.HtmlEncode(reader.IsDBNull(1) ? "" : reader.GetString(1))).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(reader.GetString(2))).Append("</td><td>").Append(WebUtility.HtmlEncode(reader.GetString(4))).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(reader.GetString(5))).Append("</td><td>").Append(reader.GetDecimal(6)).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(reader.GetString(9))).Append("</td></tr>");
                }
            }

            await using (var count = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, CountSql, Where(point)), connection))
            {
                Parameters(count, point, region);
                html.Append("</table><p>").Append((long)(await count.ExecuteScalarAsync(ct))!).Append("</p></body></html>");
            }

            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }).AllowAnonymous();

        app.MapGet("/bench/raw/cockpit", async (string? region, CancellationToken ct) =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(CockpitSql, connection);
            command.Parameters.Add(new NpgsqlParameter("region", NpgsqlTypes.NpgsqlDbType.Varchar) { Value = (object?)region ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = 0;
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync(ct));
            return Results.Content($"<!DOCTYPE html><html><body><p>{rows}</p></body></html>", "text/html; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    private static void Parameters(NpgsqlCommand command, Guid? point, string? region)
    {
        command.Parameters.Add(new NpgsqlParameter("point", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)point ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("region", NpgsqlTypes.NpgsqlDbType.Varchar) { Value = (object?)region ?? DBNull.Value });
    }
}
