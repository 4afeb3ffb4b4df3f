using System.Globalization;
using System.Text;
using System.Text.Json;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Features.Supervision.Infringers;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

/// <summary>A dataset as a file to download.</summary>
public sealed record OpenDataFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// One dataset as CSV (UTF-8 with BOM, for Excel) or JSON: published, non-personal records only. An unknown dataset or
/// format is not found (null).
/// </summary>
public class DownloadOpenDataHandler(PortalDbContext db, TimeProvider clock, ILogger<DownloadOpenDataHandler> log) : IUseCase
{
    public async Task<OpenDataFile?> HandleAsync(string name, string format, CancellationToken ct)
    {
        var dataset = OpenDatasets.All.FirstOrDefault(d => d.Name == name);
        if (dataset is null || format is not ("csv" or "json"))
        {
            return null;
        }

        var rows = await RowsAsync(name, ct);
        // Issue 24 §7: every text cell passes the personal-data scan; a cell naming a person the portal knows (or holding an ID
        // or mobile number) is withheld and reported, never published.
        var scan = new PersonalDataScan(await PersonalNamesAsync(ct));
        foreach (var (row, column, what) in scan.Clean(rows))
        {
            log.LogWarning("Open data {Dataset}: row {Row} column {Column} withheld ({What})", name, row + 1, dataset.Columns[column].Name, what);
        }

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
            case "needs":
                // Published needs, and those a docking solved (已解决): their public description only — no contact, no phone.
                var fields = await FieldsAsync(ct);
                var needs = await db.TechNeeds.AsNoTracking().Where(n => n.Status == ListingStatus.Published || n.Status == ListingStatus.Solved)
                    .OrderBy(n => n.PublishedAt).ThenBy(n => n.Id)
                    .Select(n => new { n.Title, n.OrganizationName, n.RegionCode, n.FieldCode, n.Keywords, n.Modes, n.Summary, n.BudgetMin, n.BudgetMax, n.Deadline, n.PublishedAt, n.Status })
                    .ToListAsync(ct);
                return needs.Select(n => new object?[]
                {
                    n.Title, n.OrganizationName, n.RegionCode, Region(n.RegionCode), n.FieldCode, fields.GetValueOrDefault(n.FieldCode, n.FieldCode), string.Join("、", n.Keywords),
                    MatchNames.Modes(n.Modes), n.Summary, n.BudgetMin, n.BudgetMax, n.Deadline, Day(n.PublishedAt), MatchNames.Name(n.Status),
                }).ToList();
            case "results":
                var resultFields = await FieldsAsync(ct);
                var results = await db.TechResults.AsNoTracking().Where(r => r.Status == ListingStatus.Published).OrderBy(r => r.PublishedAt).ThenBy(r => r.Id)
                    .Select(r => new { r.Title, r.OrganizationName, r.RegionCode, r.FieldCode, r.Keywords, r.Modes, r.Summary, r.Maturity, r.IpKind, r.Price, r.PublishedAt })
                    .ToListAsync(ct);
                return results.Select(r => new object?[]
                {
                    r.Title, r.OrganizationName, r.RegionCode, Region(r.RegionCode), r.FieldCode, resultFields.GetValueOrDefault(r.FieldCode, r.FieldCode), string.Join("、", r.Keywords),
                    MatchNames.Modes(r.Modes), r.Summary, r.Maturity, MatchNames.Name(r.IpKind), r.Price, Day(r.PublishedAt),
                }).ToList();
            case "infringers":
                // The list as the public page shows it: listed entries within their publication period.
                var today = DateOnly.FromDateTime(Display.Local(clock.GetUtcNow()).DateTime);
                var infringers = await InfringerCheckHandler.InForce(db.InfringerEntries.AsNoTracking(), today).OrderBy(e => e.PublishFrom).ThenBy(e => e.EnterpriseName)
                    .Select(e => new { e.EnterpriseName, e.CreditCode, e.Kind, e.Right, e.DecisionNumber, e.Authority, e.DecidedOn, e.PublishFrom, e.PublishUntil }).ToListAsync(ct);
                return infringers.Select(e => new object?[]
                {
                    e.EnterpriseName, e.CreditCode, e.Kind.Name(), e.Right.Name(), e.DecisionNumber, e.Authority, e.DecidedOn, e.PublishFrom, e.PublishUntil,
                }).ToList();
            case "loan-products":
                var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.BankName).ThenBy(p => p.Name)
                    .Select(p => new { p.BankName, p.Name, p.Kind, p.RateMin, p.RateMax, p.AmountMin, p.AmountMax, p.TermMonths, p.Requires }).ToListAsync(ct);
                return products.Select(p => new object?[]
                {
                    p.BankName, p.Name, FinanceNames.Name(p.Kind), p.RateMin, p.RateMax, p.AmountMin, p.AmountMax, p.TermMonths, FinanceNames.Names(p.Requires),
                }).ToList();
            case "scenarios":
                // Published scenarios only (collecting or closed); the interests stay with the publisher.
                var now = DateOnly.FromDateTime(Display.Local(clock.GetUtcNow()).DateTime);
                var scenarios = await db.Scenarios.AsNoTracking().Where(s => s.Status == ScenarioStatus.Open || s.Status == ScenarioStatus.Closed)
                    .OrderBy(s => s.Deadline).ThenBy(s => s.Id).ToListAsync(ct);
                return scenarios.Select(s => new object?[]
                {
                    s.Title, s.PublisherName, s.RegionCode, Region(s.RegionCode), s.Place, s.Problem, s.Deadline, ScenarioNames.Name(s.PhaseOn(now)),
                }).ToList();
            case "agency-ranking":
                // The latest confirmation of each year, as /carriers/ranking shows it.
                var confirmed = await db.RankingPublications.AsNoTracking().OrderBy(r => r.Year).ThenByDescending(r => r.ConfirmedAt).ToListAsync(ct);
                return confirmed.GroupBy(r => r.Year).Select(g => g.First()).SelectMany(r => r.Rows.OrderBy(x => x.Rank).Select(x => new object?[]
                {
                    r.Year, x.Rank, x.Score.AgencyName, x.Score.Deals, x.Score.Turnover, Day(r.ConfirmedAt),
                })).ToList();
            default:
                var publications = await db.IndexPublications.AsNoTracking().Where(p => !p.IsSuperseded).OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToListAsync(ct);
                return publications.SelectMany(p => p.Rows.Select(r => new object?[]
                {
                    p.Period, r.RegionCode, Region(r.RegionCode), r.Score, p.Normalisation == Domain.TransferIndex.IndexNormalisation.Baseline ? "2021年同期为基数" : "极差标准化",
                    DateOnly.FromDateTime(Display.Local(p.PublishedAt).DateTime),
                })).ToList();
        }
    }

    private async Task<Dictionary<string, string>> FieldsAsync(CancellationToken ct) =>
        await db.CodeEntries.AsNoTracking().Where(c => c.Table == CodeTableCatalog.TechnicalField).ToDictionaryAsync(c => c.Code, c => c.Name, ct);

    private static DateOnly? Day(DateTimeOffset? at) => at is { } t ? DateOnly.FromDateTime(Display.Local(t).DateTime) : null;

    /// <summary>
    /// The names held in the portal's personal fields, whoever owns the record (read past the tenant filter, used only to
    /// withhold cells): contacts of needs, results, organizations, carriers and registration points, experts, users,
    /// commissioners and sanctioned persons.
    /// </summary>
    private async Task<List<string>> PersonalNamesAsync(CancellationToken ct)
    {
        string[] filter = [PortalDbContext.TenantFilter];
        var names = db.TechNeeds.IgnoreQueryFilters(filter).Select(n => n.Contact.Name)
            .Concat(db.TechResults.IgnoreQueryFilters(filter).Select(r => r.Contact.Name))
            .Concat(db.Experts.IgnoreQueryFilters(filter).Select(e => e.Name))
            .Concat(db.Users.Select(u => u.DisplayName))
            .Concat(db.Commissioners.IgnoreQueryFilters(filter).Select(c => c.Name))
            .Concat(db.Organizations.IgnoreQueryFilters(filter).Where(o => o.ContactName != null).Select(o => o.ContactName!))
            .Concat(db.Carriers.IgnoreQueryFilters(filter).Select(c => c.ContactName))
            .Concat(db.RegistrationPoints.Where(p => p.ContactName != null).Select(p => p.ContactName!))
            .Concat(db.ProjectSanctions.IgnoreQueryFilters(filter).Where(s => s.PersonName != null).Select(s => s.PersonName!));
        return await names.Distinct().ToListAsync(ct);
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
