using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

/// <summary>The index with two indicators whose values can be counted by hand from the contracts table itself.</summary>
public class IndexFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["TransferIndex:Weights:absorbed_amount"] = "3",
        ["TransferIndex:Weights:registered_contracts"] = "1",
    };
}

public partial class IndexTests(IndexFixture fx) : IClassFixture<IndexFixture>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>By hand, from tech_contracts (not the summary the index reads): 吸纳 and the number of contracts of a county in a year.</summary>
    private Task<(decimal Absorbed, int Contracts)> HandCountAsync(string region, int year) => fx.WithDbAsync(async (db, _) =>
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, Beijing).ToUniversalTime();
        var rows = await db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < from.AddYears(1))
            .Select(c => new { c.BuyerRegionCode, c.SellerRegionCode, c.ContractAmount, c.IsImported }).ToListAsync();
        // Issue 22: an imported contract (registered elsewhere) is 吸纳 only; the number of contracts counts those registered here.
        return (rows.Where(c => c.BuyerRegionCode == region).Sum(c => c.ContractAmount),
            rows.Count(c => !c.IsImported && (c.BuyerRegionCode == region || c.SellerRegionCode == region)));
    });

    [Fact]
    public async Task The_published_index_matches_a_hand_calculation_and_stays_frozen_when_contracts_change_afterwards()
    {
        var (absorbed, contracts) = await HandCountAsync(AnqingRegions.Huaining, 2025);
        var (absorbed21, contracts21) = await HandCountAsync(AnqingRegions.Huaining, 2021);
        absorbed21.Should().BeGreaterThan(0, "the demo data has 2021 contracts in 怀宁县");
        decimal Sub(decimal value, decimal baseline) => Math.Min(400m, Math.Round(value / baseline * 100, 2));
        var expected = Math.Round(((3 * Sub(absorbed, absorbed21)) + Sub(contracts, contracts21)) / 4, 2);

        var bureau = await fx.As("bureau");
        var preview = await bureau.GetPageAsync("/index/preview?period=2025");
        preview.QuerySelector($"#index-table tr[data-region='{AnqingRegions.Huaining}'] .index-score")!.TextContent.Should().Be(expected.ToString("0.00"));
        (await (await fx.As("dept.jxj")).GetAsync("/index/preview")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var future = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).Year;
        await bureau.PostFormAsync("/index/publish", new() { ["period"] = future.ToString() }, "/index/preview");
        (await fx.WithDbAsync((db, _) => db.IndexPublications.CountAsync())).Should().Be(0, "a year not yet ended cannot be published");

        await bureau.PostFormAsync("/index/publish", new() { ["period"] = "2025" }, "/index/preview");
        var published = await fx.WithDbAsync((db, _) => db.IndexPublications.AsNoTracking().SingleAsync(p => p.Period == "2025"));
        published.ScoreOf(AnqingRegions.Huaining).Should().Be(expected);
        var visitor = fx.Anonymous();
        var page = await visitor.GetPageAsync("/index");
        page.QuerySelector($"#index-table tr[data-region='{AnqingRegions.Huaining}'] .index-score")!.TextContent.Should().Be(expected.ToString("0.00"));
        page.QuerySelector("#index-method")!.TextContent.Should().Contain("吸纳技术合同成交额 75.0%").And.Contain("2021年同期");

        // A contract absorbed by 怀宁县 in 2025 arrives after publication.
        await fx.WithDbAsync(async (db, _) =>
        {
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "00");
            var terms = new ContractTerms("指数冻结测试合同", TechContractType.Development, TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty("合肥某研究院", "12340100MB0000001X", "142", "340100", "110"), new ContractParty("怀宁某企业", "91340822MA2N00999X", "142", "340822", "150"),
                null, null, null, AnqingRegions.Huaining, "01", "03", "07", "10", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1),
                5000m, [], PaymentMode.LumpSumOnce, null, null, null, null);
            db.TechContracts.Add(TechContract.Imported(point.Id, Guid.Empty, fx.Clock.GetUtcNow(), new ContractActor(Guid.Empty, "导入"), terms, "2025340100999999",
                new DateTimeOffset(2025, 6, 10, 2, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        });
        (await HandCountAsync(AnqingRegions.Huaining, 2025)).Absorbed.Should().Be(absorbed + 5000m);
        (await bureau.GetPageAsync("/index/preview?period=2025")).QuerySelector($"#index-table tr[data-region='{AnqingRegions.Huaining}'] .index-score")!.TextContent
            .Should().NotBe(expected.ToString("0.00"), "the live computation sees the new contract");
        (await visitor.GetPageAsync("/index")).QuerySelector($"#index-table tr[data-region='{AnqingRegions.Huaining}'] .index-score")!.TextContent
            .Should().Be(expected.ToString("0.00"), "a published index is frozen");

        await bureau.PostFormAsync("/index/publish", new() { ["period"] = "2025" }, "/index/preview");
        (await fx.WithDbAsync((db, _) => db.IndexPublications.CountAsync())).Should().Be(1, "republishing needs a correction reason");
        await bureau.PostFormAsync("/index/publish", new() { ["period"] = "2025", ["correctionReason"] = "补录省系统吸纳合同" }, "/index/preview");
        (await visitor.GetPageAsync("/index")).QuerySelector($"#index-table tr[data-region='{AnqingRegions.Huaining}'] .index-score")!.TextContent
            .Should().NotBe(expected.ToString("0.00"), "the correction supersedes the first publication");
        (await fx.WithDbAsync((db, _) => db.IndexPublications.CountAsync(p => p.IsSuperseded))).Should().Be(1);
    }

    [Fact]
    public async Task Open_data_files_hold_the_published_records_and_no_id_number_or_mobile()
    {
        var visitor = fx.Anonymous();
        var catalog = await visitor.GetPageAsync("/open-data");
        var links = catalog.QuerySelectorAll(".open-dataset a").Select(a => a.GetAttribute("href")!).ToList();
        links.Should().HaveCount(24, "twelve datasets (issue 24 §7 adds needs, results, infringers, loan products, scenarios and the agencies' ranking), each as CSV and JSON");
        // Personal numbers the demo data does hold elsewhere (market contacts, experts' identities) must never leak here.
        var personal = await fx.WithDbAsync(async (db, _) => await db.TechNeeds.AsNoTracking().Select(n => n.Contact.Phone).Where(p => p != "").Take(5).ToListAsync());
        personal.Should().NotBeEmpty();
        foreach (var link in links)
        {
            var response = await visitor.GetAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
            var text = await response.Content.ReadAsStringAsync();
            IdNumber().Matches(text).Where(m => IsIdNumber(m.Value)).Should().BeEmpty($"{link} holds no ID number");
            Mobile().Matches(text).Should().BeEmpty($"{link} holds no mobile number");
            personal.Should().NotContain(p => text.Contains(p, StringComparison.Ordinal), link);
        }

        var csv = await (await visitor.GetAsync("/open-data/contract-stats.csv")).Content.ReadAsStringAsync();
        csv.TrimStart('\uFEFF').Split('\n')[0].Trim().Should().Be(
            "month,seller_region_code,seller_region,buyer_region_code,buyer_region,contracts,contract_amount,tech_amount,registered_elsewhere,suppressed");
        csv.Split('\n').Length.Should().BeGreaterThan(10);

        // Issue 24 §7: no cell of fewer than 3 contracts publishes an amount; the others publish the summary's figures (hand count from the table).
        var totals = await fx.WithDbAsync((db, _) => db.ContractMonthTotals.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Contracts != 0 || t.ContractAmount != 0 || t.TechAmount != 0).ToListAsync());
        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Trim().Split(',')).ToList();
        rows.Should().HaveCount(totals.Count);
        var small = rows.Where(r => Math.Abs(int.Parse(r[5], CultureInfo.InvariantCulture)) < 3).ToList();
        small.Should().NotBeEmpty("the demo has cells of one or two contracts").And.OnlyContain(r => r[6] == "" && r[7] == "" && r[9] == "true");
        var large = rows.Except(small).ToList();
        large.Should().NotBeEmpty().And.OnlyContain(r => r[9] == "false" && r[6] != "");
        large.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)).Should().Be(totals.Where(t => Math.Abs(t.Contracts) >= 3).Sum(t => t.ContractAmount));
        var awards = await (await visitor.GetAsync("/open-data/awards.json")).Content.ReadAsStringAsync();
        awards.Should().NotMatchRegex("\"status\":\"[A-Za-z]+\"", "every code is published with its Chinese label");
        var carriers = await (await visitor.GetAsync("/open-data/carriers.json")).Content.ReadAsStringAsync();
        carriers.Should().Contain("\"schemaVersion\":1").And.Contain("安庆化工新材料中试基地");
        (await visitor.GetAsync("/open-data/unknown.csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.GetAsync("/open-data/carriers.xml")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>An 18-character resident ID number: region, a real birth date, sequence and a valid check character (GB 11643).</summary>
    private static bool IsIdNumber(string s)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (s[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == char.ToUpperInvariant(s[17])
            && DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", out _);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
