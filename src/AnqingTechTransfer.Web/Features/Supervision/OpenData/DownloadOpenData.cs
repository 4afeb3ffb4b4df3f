using System.Globalization;
using System.Text;
using System.Text.Json;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

/// <summary>A dataset as a file to download.</summary>
public sealed record OpenDataFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// One dataset as CSV (UTF-8 with BOM, for Excel) or JSON: published, non-personal records only. An unknown dataset or
/// format is not found (null).
/// </summary>
public class DownloadOpenDataHandler(PortalDbContext db) : IUseCase
{
    public async Task<OpenDataFile?> HandleAsync(string name, string format, CancellationToken ct)
    {
        var dataset = OpenDatasets.All.FirstOrDefault(d => d.Name == name);
        if (dataset is null || format is not ("csv" or "json"))
        {
            return null;
        }

        var rows = await RowsAsync(name, ct);
        if (format == "json")
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                dataset = dataset.Name, title = dataset.Title, schemaVersion = OpenDatasets.SchemaVersion, columns = dataset.Columns.Select(c => new { name = c.Name, type = c.Type, description = c.Description }),
                rows = rows.Select(r => dataset.Columns.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(x => x.Name, x => x.Value)),
            }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return new OpenDataFile(json, "application/json; charset=utf-8", $"{dataset.Name}.json");
        }

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", dataset.Columns.Select(c => c.Name)));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(",", row.Select(Csv)));
        }

        return new OpenDataFile(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"{dataset.Name}.csv");
    }

    private static string Csv(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        // Quoted when needed; a leading formula character is neutralised so a spreadsheet never runs it.
        if (text.Length > 0 && "=+-@".Contains(text[0]) && value is string)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private async Task<List<object?[]>> RowsAsync(string name, CancellationToken ct)
    {
        switch (name)
        {
            case "contract-stats":
                // The statistics are published on purpose as city-wide aggregates (no party, no amount of a single contract);
                // the summary's tenant filter is for the signed-in cockpit, so it is read past it here. A cell of fewer than
                // OpenDatasets.MinContractsPerCell contracts (or a month's change of one or two) would let its amounts be traced to
                // one contract: its amounts are left out and the row is marked suppressed.
                var totals = await db.ContractMonthTotals.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking().Where(t => t.Contracts != 0 || t.ContractAmount != 0 || t.TechAmount != 0)
                    .OrderBy(t => t.Month).ThenBy(t => t.SellerRegionCode).ThenBy(t => t.BuyerRegionCode).ThenBy(t => t.IsImported).ToListAsync(ct);
                return totals.Select(t =>
                {
                    var hidden = OpenDatasets.Suppressed(t.Contracts);
                    return new object?[]
                    {
                        t.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), t.SellerRegionCode, Region(t.SellerRegionCode), t.BuyerRegionCode, Region(t.BuyerRegionCode),
                        t.Contracts, hidden ? null : t.ContractAmount, hidden ? null : t.TechAmount, t.IsImported, hidden,
                    };
                }).ToList();
            case "problems":
                var problems = await db.Problems.AsNoTracking().Where(p => p.Status == ProblemStatus.Listed || p.Status == ProblemStatus.Taken)
                    .OrderBy(p => p.Deadline).ThenBy(p => p.Id).Select(p => new { p.Title, p.EnterpriseName, p.RegionCode, p.OwnFunds, p.Deadline, p.Status }).ToListAsync(ct);
                return problems.Select(p => new object?[] { p.Title, p.EnterpriseName, p.RegionCode, Region(p.RegionCode), p.OwnFunds, p.Deadline,
                    p.Status == ProblemStatus.Taken ? "已揭榜" : "揭榜中" }).ToList();
            case "awards":
                // Awarded projects are published (立项公示 and 立项下达); only their title, mode, place, amount and dates are read.
                var awards = await db.Projects.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking().OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
                    .Select(p => new { p.Title, p.Mode, p.RegionCode, p.Award, p.StartsOn, p.EndsOn, p.Status }).ToListAsync(ct);
                return awards.Select(p => new object?[] { p.Title, ModeName(p.Mode), p.RegionCode, Region(p.RegionCode), p.Award, p.StartsOn, p.EndsOn, Projects.Awarded.AwardedNames.Name(p.Status) }).ToList();
            case "first-products-catalog":
                var catalog = await db.FirstProductApplications.AsNoTracking().Where(a => a.CatalogYear != null).OrderBy(a => a.CatalogYear).ThenBy(a => a.ProductName)
                    .Select(a => new { a.CatalogYear, a.Kind, a.ProductName, a.Model, a.EnterpriseName, a.RegionCode }).ToListAsync(ct);
                return catalog.Select(a => new object?[] { a.CatalogYear, FirstProductNames.Name(a.Kind), a.ProductName, a.Model, a.EnterpriseName, Region(a.RegionCode) }).ToList();
            case "carriers":
                var carriers = await db.Carriers.AsNoTracking().Where(c => c.Status != CarrierStatus.Revoked).OrderBy(c => c.RegionCode).ThenBy(c => c.Name)
                    .Select(c => new { c.Name, c.Type, c.Level, c.HostName, c.RegionCode, c.RecognitionYear, c.Status }).ToListAsync(ct);
                return carriers.Select(c => new object?[] { c.Name, CarrierNames.Name(c.Type), CarrierNames.Name(c.Level), c.HostName, c.RegionCode, Region(c.RegionCode),
                    c.RecognitionYear, CarrierNames.Name(c.Status) }).ToList();
            default:
                var publications = await db.IndexPublications.AsNoTracking().Where(p => !p.IsSuperseded).OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToListAsync(ct);
                return publications.SelectMany(p => p.Rows.Select(r => new object?[]
                {
                    p.Period, r.RegionCode, Region(r.RegionCode), r.Score, p.Normalisation == Domain.TransferIndex.IndexNormalisation.Baseline ? "2021年同期为基数" : "极差标准化",
                    DateOnly.FromDateTime(Display.Local(p.PublishedAt).DateTime),
                })).ToList();
        }
    }

    private static string Region(string? code) => string.IsNullOrEmpty(code) ? "市外" : AnqingRegions.NameOf(code);

    private static string ModeName(FundingMode mode) => mode switch
    {
        FundingMode.Unveiling => "揭榜挂帅",
        FundingMode.Directed => "定向委托",
        FundingMode.Crowdsourcing => "研发众包",
        _ => "竞争后补助",
    };
}
