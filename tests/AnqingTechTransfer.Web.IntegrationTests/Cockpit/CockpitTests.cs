using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Cockpit;

public class CockpitTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const int Year = 2025;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static decimal Number(string text) => decimal.Parse(text.Replace(",", string.Empty).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal Actual(IHtmlDocument page, string indicator) =>
        Number(page.QuerySelector($"#indicator-table tr[data-indicator='{indicator}'] td.actual")!.TextContent);

    /// <summary>Registered contracts of a year, from the records themselves (not the summary the cockpit reads).</summary>
    private async Task<List<TechContract>> RegisteredInAsync(int year)
    {
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, Beijing);
        var all = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered).ToListAsync());
        return all.Where(c => c.RegisteredAt >= start && c.RegisteredAt < start.AddYears(1)).ToList();
    }

    /// <summary>High-tech enterprises and tech SMEs of a year for a region (null: the city, as the sum of its parts), with the domain's counting rules.</summary>
    private async Task<(int HighTech, int TechSmes)> CountedByHandAsync(int year, string? region)
    {
        var certificates = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().Where(r => r.Confirmation == Confirmation.Confirmed).ToListAsync());
        var smes = await fx.WithDbAsync((db, _) => db.TechSmeRecords.AsNoTracking().Where(r => r.Confirmation == Confirmation.Confirmed).ToListAsync());
        var highTech = certificates.Where(c => region is null || c.RegionCode == region).GroupBy(c => c.RegionCode)
            .Sum(g => QualificationCounting.HighTechEnterprises(g.Select(c => c.Certificate), year));
        var techSmes = smes.Where(s => region is null || s.RegionCode == region).GroupBy(s => s.RegionCode)
            .Sum(g => QualificationCounting.TechSmes(g.Select(s => s.Registration), year));
        return (highTech, techSmes);
    }

    [Fact]
    public async Task The_city_cockpit_shows_the_actuals_computed_by_hand_from_the_records()
    {
        var contracts = await RegisteredInAsync(Year);
        var (highTech, techSmes) = await CountedByHandAsync(Year, null);
        highTech.Should().BePositive("the demo data has certificates valid at the end of 2025");

        var page = await (await fx.As("leader.city")).GetPageAsync($"/cockpit?year={Year}");

        Actual(page, "hnte_count").Should().Be(highTech);
        Actual(page, "tech_sme_count").Should().Be(techSmes);
        // Issue 22: 成交额, 技术交易额 and 输出 count the contracts registered at Anqing's points; imported ones are 吸纳 only.
        var registeredHere = contracts.Where(c => !c.IsImported).ToList();
        contracts.Should().Contain(c => c.IsImported, "the demo data imports contracts registered elsewhere");
        Actual(page, "contract_amount").Should().Be(registeredHere.Sum(c => c.ContractAmount));
        Actual(page, "tech_amount").Should().Be(registeredHere.Sum(c => c.TechAmount));
        Actual(page, "absorbed_amount").Should().Be(contracts.Where(c => !string.IsNullOrEmpty(c.BuyerRegionCode)).Sum(c => c.ContractAmount));
        Actual(page, "output_amount").Should().Be(registeredHere.Where(c => !string.IsNullOrEmpty(c.SellerRegionCode)).Sum(c => c.ContractAmount));
        page.QuerySelector("#status-rule")!.TextContent.Should().Contain("5 个百分点").And.Contain("向上取整");
        page.QuerySelectorAll("#ranking-table tbody tr").Should().HaveCount(12, "the ten counties and two parks are ranked");
        // Issue 25 §8: the demo's generated targets of counts are whole numbers (never "88.45 家").
        foreach (var key in new[] { "hnte_count", "tech_sme_count" })
        {
            page.QuerySelector($"tr[data-indicator='{key}'] td.target")!.TextContent.Trim().Should().MatchRegex(@"^[\d,]+(（已锁定） 🔒)?$", $"{key}'s target is a whole number");
        }
    }

    [Fact]
    public async Task A_county_leader_sees_the_county_with_its_own_figures_and_no_ranking()
    {
        var contracts = await RegisteredInAsync(Year);
        var (highTech, techSmes) = await CountedByHandAsync(Year, "340822");

        var page = await (await fx.As("leader.huaining")).GetPageAsync($"/cockpit?year={Year}");

        page.QuerySelector("h1")!.TextContent.Should().Be("领导驾驶舱 · 怀宁县");
        Actual(page, "hnte_count").Should().Be(highTech);
        Actual(page, "tech_sme_count").Should().Be(techSmes);
        Actual(page, "absorbed_amount").Should().Be(contracts.Where(c => c.BuyerRegionCode == "340822").Sum(c => c.ContractAmount));
        Actual(page, "output_amount").Should().Be(contracts.Where(c => !c.IsImported && c.SellerRegionCode == "340822").Sum(c => c.ContractAmount));
        // Issue 22: a county's 成交额 is its 输出 (the seller there), of contracts registered at Anqing's points.
        Actual(page, "contract_amount").Should().Be(contracts.Where(c => !c.IsImported && c.SellerRegionCode == "340822").Sum(c => c.ContractAmount));
        page.QuerySelector("#ranking-table").Should().BeNull("a county's cockpit shows the county, not the others");
        page.QuerySelector("#region").Should().BeNull("a county leader cannot choose another scope");
    }

    [Fact]
    public async Task The_city_total_is_the_sum_of_its_parts_where_the_indicator_is_additive_and_says_where_it_is_not()
    {
        var page = await (await fx.As("bureau")).GetPageAsync($"/cockpit?year={Year}");
        var table = page.QuerySelector("#breakdown-table")!;
        var headers = table.QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        var sumOfParts = rows[^2].QuerySelectorAll("td").Select(td => Number(td.TextContent)).ToList();
        var city = rows[^1].QuerySelectorAll("td").ToList();
        foreach (var (name, i) in headers.Select((h, i) => (h, i)))
        {
            var additive = !city[i].TextContent.Contains('*');
            if (additive)
            {
                Number(city[i].TextContent).Should().Be(sumOfParts[i], $"{name} is additive");
            }
        }

        city.Count(c => c.TextContent.Contains('*')).Should().Be(2, "成交额 and 技术交易额 of a county count contracts on either side");
        headers.Should().Contain(["高新技术企业数", "吸纳技术合同成交额"]);
    }

    [Fact]
    public async Task A_contract_registered_or_cancelled_changes_the_cockpit_at_once()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(Beijing).Year;
        var leader = await fx.As("leader.huaining");
        async Task<decimal> AbsorbedAsync() => Actual(await leader.GetPageAsync($"/cockpit?year={year}"), "absorbed_amount");
        var before = await AbsorbedAsync();

        var id = await fx.WithDbAsync(async (db, _) =>
        {
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "01");
            var seller = await db.Organizations.SingleAsync(o => o.Name == "安庆师范大学");
            var registrar = await db.Users.SingleAsync(u => u.UserName == "registrar.city");
            var filer = new ContractActor(registrar.Id, "univ.aqnu");
            var now = fx.Clock.GetUtcNow();
            var contract = TechContract.Draft(point.Id, seller.Id, now, filer, new ContractTerms("驾驶舱测试：实时计入", TechContractType.Development,
                TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty(seller.Name, seller.CreditCode, "142", seller.RegionCode, "110"),
                new ContractParty("怀宁县某新材料公司", AnqingTechTransfer.Domain.Organizations.CreditCode.Complete("91340822MA2R00001"), "142", "340822", "170"),
                seller.Id, null, seller.RegionCode, "340822", "01", "03", "07", "10", DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime),
                DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), 123.45m, [], PaymentMode.LumpSumOnce, null, null, null, null, "负责人", "填报人", DateOnly.FromDateTime(now.UtcDateTime)));
            contract.Submit(now, filer, Domain.Contracts.ContractEvidence.Required(contract.Terms));
            contract.Accept(now, DateOnly.FromDateTime(now.UtcDateTime), filer, new WorkingDayCalendar([]), false, 15, 30);
            contract.StartReview(now, filer);
            contract.Approve(now, filer, null);
            db.TechContracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });
        (await AbsorbedAsync()).Should().Be(before, "a contract not yet registered counts nothing");

        await fx.WithDbAsync(async (db, _) =>
        {
            var contract = await db.TechContracts.Include(c => c.Events).SingleAsync(c => c.Id == id);
            contract.Register(fx.Clock.GetUtcNow(), new ContractActor(Guid.Empty, "registrar.city"), "2026340800018888", "COCKPIT1", null);
            await db.SaveChangesAsync();
        });
        (await AbsorbedAsync()).Should().Be(before + 123.45m, "the registration is counted in the same transaction");

        await fx.WithDbAsync(async (db, _) =>
        {
            var contract = await db.TechContracts.Include(c => c.Events).SingleAsync(c => c.Id == id);
            contract.Cancel(fx.Clock.GetUtcNow(), new ContractActor(Guid.Empty, "registrar.city"), "测试：合同解除");
            await db.SaveChangesAsync();
        });
        (await AbsorbedAsync()).Should().Be(before, "a cancelled registration no longer counts");
    }

    [Fact]
    public async Task A_county_cannot_open_another_countys_cockpit_targets_or_drill_downs()
    {
        var qianshan = await fx.As("county.qianshan");
        foreach (var url in new[] { "/cockpit?region=340822", "/cockpit/print?region=340822", "/cockpit/export?region=340822", "/targets?region=340822" })
        {
            (await qianshan.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        // The drill-downs go through the tenant filter: 潜山市 finds none of 怀宁县's enterprises.
        var huainingCounted = await fx.WithDbAsync((db, _) => db.HighTechRecords.CountAsync(r => r.RegionCode == "340822" && r.Confirmation == Confirmation.Confirmed));
        huainingCounted.Should().BePositive();
        var drill = await qianshan.GetPageAsync($"/enterprises?region=340822&countedIn={Year}");
        drill.QuerySelectorAll("#high-tech-table tbody tr").Single().TextContent.Should().Contain("暂无记录");
        var huaining = await (await fx.As("county.huaining")).GetPageAsync($"/enterprises?region=340822&countedIn={Year}");
        huaining.QuerySelectorAll("#high-tech-table tbody tr").Should().NotBeEmpty().And.NotContain(r => r.TextContent.Contains("暂无记录"));
    }

    [Fact]
    public async Task The_export_has_the_cockpit_tables_and_the_print_view_shows_them_without_charts()
    {
        var bureau = await fx.As("bureau");
        var export = await bureau.GetAsync($"/cockpit/export?year={Year}");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "指标完成情况").Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["指标"]).Should().Contain(["高新技术企业数", "吸纳技术合同成交额"]);
        // Issue 25 §8: figures and rates are numbers in Excel, not text; amounts carry two decimals at most, counts none.
        var absorbed = rows.Single(r => (string)r["指标"] == "吸纳技术合同成交额");
        absorbed["本年实际"].Should().BeOfType<double>();
        ((double)absorbed["本年实际"] * 100).Should().BeApproximately(Math.Round((double)absorbed["本年实际"] * 100), 1e-6);
        rows.Select(r => r["完成率（%）"]).Where(v => v is not null).Should().NotBeEmpty().And.AllBeOfType<double>();
        var highTech = rows.Single(r => (string)r["指标"] == "高新技术企业数");
        ((double)highTech["本年实际"] % 1).Should().Be(0);

        var print = await bureau.GetPageAsync($"/cockpit/print?year={Year}");
        print.QuerySelector("#indicator-table").Should().NotBeNull();
        print.QuerySelector("#ranking-table").Should().NotBeNull();
        print.QuerySelector(".chart").Should().BeNull();
    }

    [Fact]
    public async Task The_qualification_summary_follows_every_insert_confirmation_rejection_and_deletion()
    {
        var now = fx.Clock.GetUtcNow();
        var code = Domain.Organizations.CreditCode.Complete("91340825MA2W00001");
        var other = Domain.Organizations.CreditCode.Complete("91340825MA2W00002");
        var first = HighTechRecord.Create(code, "太湖县测试企业", "340825", null, "GR202234000901", new DateOnly(2022, 11, 1), HighTechMode.Recognition, "04", QualificationSource.Entered, now);
        var renewal = HighTechRecord.Create(code, "太湖县测试企业", "340825", null, "GR202534000902", new DateOnly(2025, 10, 1), HighTechMode.Filing, "04", QualificationSource.Imported, now);
        var rejected = HighTechRecord.Create(other, "太湖县另一企业", "340825", null, "GR202434000903", new DateOnly(2024, 5, 1), HighTechMode.Recognition, "04", QualificationSource.Entered, now);
        var sme = TechSmeRecord.Create(other, "太湖县另一企业", "340825", null, 2025, "202534080100000903", QualificationSource.Entered, now);

        async Task ExpectSummaryMatchesRecordsAsync(string because)
        {
            var summary = await fx.WithDbAsync((db, _) => db.QualificationYearCounts.AsNoTracking().Where(c => c.RegionCode == "340825").ToListAsync());
            foreach (var year in Enumerable.Range(2021, 7))
            {
                var (highTech, techSmes) = await CountedByHandAsync(year, "340825");
                var row = summary.SingleOrDefault(s => s.Year == year);
                (row?.HighTech ?? 0).Should().Be(highTech, $"{because} ({year})");
                (row?.TechSme ?? 0).Should().Be(techSmes, $"{because} ({year})");
            }
        }

        await fx.WithDbAsync(async (db, _) =>
        {
            db.HighTechRecords.AddRange(first, renewal, rejected);
            db.TechSmeRecords.Add(sme);
            await db.SaveChangesAsync();
        });
        await ExpectSummaryMatchesRecordsAsync("after the inserts");

        await fx.WithDbAsync(async (db, _) =>
        {
            (await db.HighTechRecords.SingleAsync(r => r.Id == first.Id)).Confirm();
            (await db.HighTechRecords.SingleAsync(r => r.Id == rejected.Id)).Reject();
            (await db.TechSmeRecords.SingleAsync(r => r.Id == sme.Id)).Confirm();
            await db.SaveChangesAsync();
        });
        await ExpectSummaryMatchesRecordsAsync("after confirming and rejecting");
        var (y2025, smes2025) = await CountedByHandAsync(2025, "340825");
        var withoutTest = await fx.WithDbAsync((db, _) => db.QualificationYearCounts.Where(c => c.RegionCode == "340825" && c.Year == 2025).Select(c => c.HighTech).SingleAsync());
        withoutTest.Should().Be(y2025);
        smes2025.Should().BePositive();

        await fx.WithDbAsync(async (db, _) =>
        {
            db.HighTechRecords.Remove(await db.HighTechRecords.SingleAsync(r => r.Id == renewal.Id));
            await db.SaveChangesAsync();
        });
        await ExpectSummaryMatchesRecordsAsync("after a deletion");
    }
}
