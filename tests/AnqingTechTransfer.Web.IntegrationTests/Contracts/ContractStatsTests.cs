using System.Globalization;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

public class ContractStatsTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const int Year = 2025;

    private static decimal Number(string text) => decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The registered contracts of the year, summed by hand (in memory) from the database.</summary>
    private async Task<List<TechContract>> RegisteredInYearAsync()
    {
        var start = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var end = start.AddYears(1);
        var all = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered).ToListAsync());
        return all.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end).ToList();
    }

    [Fact]
    public async Task The_city_totals_and_the_regional_split_match_sums_computed_by_hand()
    {
        var contracts = await RegisteredInYearAsync();
        contracts.Should().NotBeEmpty("the demo data registers contracts in every year");
        var page = await (await fx.As("bureau")).GetPageAsync($"/contracts/stats?year={Year}");

        // Issue 22: the totals count the contracts registered at Anqing's points; imported ones are shown apart, in 吸纳 only.
        var here = contracts.Where(c => !c.IsImported).ToList();
        var imported = contracts.Where(c => c.IsImported).ToList();
        Number(page.QuerySelector("#total-count")!.TextContent).Should().Be(here.Count);
        Number(page.QuerySelector("#total-amount")!.TextContent).Should().Be(decimal.Round(here.Sum(c => c.ContractAmount), 2));
        Number(page.QuerySelector("#total-tech")!.TextContent).Should().Be(decimal.Round(here.Sum(c => c.TechAmount), 2));
        Number(page.QuerySelector("#imported-count")!.TextContent).Should().Be(imported.Count);
        Number(page.QuerySelector("#imported-amount")!.TextContent).Should().Be(decimal.Round(imported.Sum(c => c.ContractAmount), 2));
        page.QuerySelectorAll("#month-table tbody tr").Sum(r => Number(r.QuerySelectorAll("td")[1].TextContent)).Should().Be(decimal.Round(here.Sum(c => c.ContractAmount), 2),
            "the months add up to the total");

        foreach (var row in page.QuerySelectorAll("#region-table tbody tr"))
        {
            var region = row.GetAttribute("data-region");
            var output = here.Where(c => c.SellerRegionCode == region).ToList();
            var absorbed = contracts.Where(c => c.BuyerRegionCode == region).ToList();
            Number(row.QuerySelector(".output-count")!.TextContent).Should().Be(output.Count, region);
            Number(row.QuerySelector(".output-amount")!.TextContent).Should().Be(decimal.Round(output.Sum(c => c.ContractAmount), 2), region);
            Number(row.QuerySelector(".absorbed-count")!.TextContent).Should().Be(absorbed.Count, region);
            Number(row.QuerySelector(".absorbed-amount")!.TextContent).Should().Be(decimal.Round(absorbed.Sum(c => c.ContractAmount), 2), region);
        }

        contracts.Should().Contain(c => c.IsImported && c.BuyerRegionCode != null, "imported 吸纳 rows are counted too");
    }

    [Fact]
    public async Task A_county_sees_only_its_own_row_with_the_same_figures_the_city_sees_for_it()
    {
        var contracts = await RegisteredInYearAsync();
        var page = await (await fx.As("county.huaining")).GetPageAsync($"/contracts/stats?year={Year}");
        var rows = page.QuerySelectorAll("#region-table tbody tr");
        rows.Should().ContainSingle().Which.GetAttribute("data-region").Should().Be("340822");
        var absorbed = contracts.Where(c => c.BuyerRegionCode == "340822").ToList();
        Number(rows[0].QuerySelector(".absorbed-count")!.TextContent).Should().Be(absorbed.Count);
        Number(rows[0].QuerySelector(".absorbed-amount")!.TextContent).Should().Be(decimal.Round(absorbed.Sum(c => c.ContractAmount), 2));
        var visible = contracts.Where(c => !c.IsImported && (c.BuyerRegionCode == "340822" || c.SellerRegionCode == "340822")).ToList();
        Number(page.QuerySelector("#total-count")!.TextContent).Should().Be(visible.Count, "the county's totals count only what it may see");
    }

    [Fact]
    public async Task Every_figure_links_to_the_list_of_the_contracts_it_counts()
    {
        var bureau = await fx.As("bureau");
        var stats = await bureau.GetPageAsync($"/contracts/stats?year={Year}");
        var row = stats.QuerySelector("#region-table tbody tr[data-region='340822']")!;
        var link = row.QuerySelector(".absorbed-count")!;
        var list = await bureau.GetPageAsync(link.GetAttribute("href")!);
        var total = list.QuerySelector("nav[aria-label=分页] span")!.TextContent;
        total.Should().Contain($"共 {link.TextContent.Trim()} 条");

        // Issue 22: the city's count and 成交额 open the contracts registered at Anqing's points only; the imported ones have their own link.
        foreach (var id in new[] { "#total-count", "#total-amount", "#imported-count" })
        {
            var figure = stats.QuerySelector(id)!;
            var target = await bureau.GetPageAsync(figure.GetAttribute("href")!);
            target.QuerySelector("nav[aria-label=分页] span")!.TextContent.Should().Contain(
                $"共 {(id == "#imported-count" ? figure.TextContent.Trim() : stats.QuerySelector("#total-count")!.TextContent.Trim())} 条", id);
        }
    }

    [Fact]
    public async Task A_year_without_imported_contracts_shows_no_imported_line()
    {
        var page = await (await fx.As("bureau")).GetPageAsync("/contracts/stats?year=2021");
        var imported = await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.IsImported && c.RegisteredAt!.Value.Year == 2021));
        imported.Should().Be(0, "the demo imports start in 2022");
        page.QuerySelector("#imported-note").Should().BeNull();
    }
}
