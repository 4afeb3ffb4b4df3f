using System.Globalization;
using System.Text;
using System.Text.Json;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.OpenData;

public sealed record OpenColumn(string Name, string Type, string Description);

public sealed record OpenDataset(string Name, string Title, string Description, IReadOnlyList<OpenColumn> Columns);

/// <summary>
/// 开放数据: published, non-personal records as CSV (UTF-8 with BOM, for Excel) and JSON, with a stable schema documented on
/// /open-data. Columns are only ever added at the end; a changed meaning is a new column. No person's name, ID number or
/// mobile is ever a column: organizations, places, amounts and counts only.
/// </summary>
[AllowAnonymous]
[Route("open-data")]
public class OpenDataController(PortalDbContext db) : Controller
{
    public const int SchemaVersion = 1;

    public static readonly IReadOnlyList<OpenDataset> Datasets =
    [
        new("contract-stats", "技术合同登记统计", "按登记月份、卖方和买方所在县（市、区）或园区汇总的已登记技术合同（含省系统导入的吸纳合同）。",
        [
            new("month", "string (yyyy-MM)", "登记月份（北京时间）"), new("seller_region_code", "string", "卖方所在地区代码，空为市外"),
            new("seller_region", "string", "卖方所在地区"), new("buyer_region_code", "string", "买方所在地区代码，空为市外"), new("buyer_region", "string", "买方所在地区"),
            new("contracts", "integer", "合同数（项）"), new("contract_amount", "decimal", "成交额（万元）"), new("tech_amount", "decimal", "技术交易额（万元）"),
        ]),
        new("problems", "揭榜挂帅榜单", "已发布到榜单的企业技术难题及其揭榜状态。",
        [
            new("title", "string", "难题名称"), new("enterprise", "string", "发榜企业"), new("region_code", "string", "地区代码"), new("region", "string", "所在地区"),
            new("own_funds", "decimal", "企业自筹投入（万元）"), new("deadline", "date", "揭榜截止日期"), new("status", "string", "状态"),
        ]),
        new("awards", "市科技计划立项项目", "已立项的市科技计划项目。",
        [
            new("title", "string", "项目名称"), new("mode", "string", "立项方式"), new("region_code", "string", "承担单位所在地区代码"), new("region", "string", "承担单位所在地区"),
            new("award", "decimal", "市财政支持（万元）"), new("starts_on", "date", "开始日期"), new("ends_on", "date", "结束日期"), new("status", "string", "状态"),
        ]),
        new("first-products-catalog", "三首产品推广应用目录", "按年度发布的首台套、首批次、首版次产品推广应用目录。",
        [
            new("year", "integer", "目录年度"), new("kind", "string", "类别"), new("product", "string", "产品名称"), new("model", "string", "型号规格"),
            new("enterprise", "string", "研制企业"), new("region", "string", "所在地区"),
        ]),
        new("carriers", "创新平台与载体名录", "已登记、未撤销的创新平台与载体。",
        [
            new("name", "string", "名称"), new("type", "string", "类型"), new("level", "string", "级别"), new("host", "string", "依托单位"),
            new("region_code", "string", "地区代码"), new("region", "string", "所在地区"), new("recognition_year", "integer", "认定年度"), new("status", "string", "状态"),
        ]),
        new("transfer-index", "科技成果转化指数", "已发布（未被更正替代）的科技成果转化指数，按期间和地区。",
        [
            new("period", "string", "期间（yyyy 或 yyyyQn）"), new("region_code", "string", "地区代码"), new("region", "string", "地区"),
            new("index", "decimal", "指数"), new("normalisation", "string", "标准化方法"), new("published_at", "date", "发布日期"),
        ]),
    ];

    [HttpGet("")]
    public IActionResult Index() => View(Datasets);

    [HttpGet("{name}.{format}")]
    public async Task<IActionResult> Download(string name, string format, CancellationToken ct)
    {
        var dataset = Datasets.FirstOrDefault(d => d.Name == name);
        if (dataset is null || format is not ("csv" or "json"))
        {
            return NotFound();
        }

        var rows = await RowsAsync(name, ct);
        Response.Headers.CacheControl = "public, max-age=300";
        if (format == "json")
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                dataset = dataset.Name, title = dataset.Title, schemaVersion = SchemaVersion, columns = dataset.Columns.Select(c => new { name = c.Name, type = c.Type, description = c.Description }),
                rows = rows.Select(r => dataset.Columns.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(x => x.Name, x => x.Value)),
            }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return File(json, "application/json; charset=utf-8", $"{dataset.Name}.json");
        }

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", dataset.Columns.Select(c => c.Name)));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(",", row.Select(Csv)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"{dataset.Name}.csv");
    }

    private static string Csv(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
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
                // the summary's tenant filter is for the signed-in cockpit, so it is read past it here.
                var totals = await db.ContractMonthTotals.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking().Where(t => t.Contracts != 0)
                    .OrderBy(t => t.Month).ThenBy(t => t.SellerRegionCode).ThenBy(t => t.BuyerRegionCode).ToListAsync(ct);
                return totals.Select(t => new object?[]
                {
                    t.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), t.SellerRegionCode, Region(t.SellerRegionCode), t.BuyerRegionCode, Region(t.BuyerRegionCode),
                    t.Contracts, t.ContractAmount, t.TechAmount,
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
                return awards.Select(p => new object?[] { p.Title, ModeName(p.Mode), p.RegionCode, Region(p.RegionCode), p.Award, p.StartsOn, p.EndsOn, p.Status.ToString() }).ToList();
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
