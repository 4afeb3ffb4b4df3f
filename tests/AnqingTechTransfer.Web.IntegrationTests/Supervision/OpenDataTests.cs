using System.Net;
using System.Text.Json;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Features.Supervision.OpenData;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

/// <summary>
/// Issue 24 §7: the open datasets of needs, results, the infringer list, loan products, scenarios and the agencies' ranking;
/// every code published with its Chinese label; a person's name the portal keeps in a personal field is withheld wherever it
/// turns up in a dataset.
/// </summary>
public class OpenDataTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    /// <summary>A scenario recorded, submitted and approved by its region (the only way one becomes public).</summary>
    private Scenario Published(Guid organizationId, string publisher, string regionCode, string title, string place, string problem, DateOnly deadline, DateTimeOffset now)
    {
        var scenario = Scenario.Record(organizationId, publisher, regionCode, title, place, problem, "01", ["场景"], deadline, Today, now);
        scenario.Submit(Today);
        scenario.Approve("县区审核人", Today, now);
        return scenario;
    }

    /// <summary>Every enum member name of the domain: none of them may be a published cell.</summary>
    private static readonly HashSet<string> EnumNames = typeof(DomainException).Assembly.GetTypes().Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);

    private DateOnly Today => DateOnly.FromDateTime(Display.Local(fx.Clock.GetUtcNow()).DateTime);

    private async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string dataset)
    {
        var response = await fx.Anonymous().GetAsync($"/open-data/{dataset}.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK, dataset);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())).ToList();
    }

    [Fact]
    public async Task The_new_datasets_hold_what_is_published_counted_by_hand_with_chinese_labels_and_nothing_withheld()
    {
        var now = fx.Clock.GetUtcNow();
        await fx.WithDbAsync(async (db, _) =>
        {
            var bank = await db.Organizations.FirstAsync();
            db.LoanProducts.Add(LoanProduct.Create(bank.Id, "安庆开放数据测试银行", "成果转化开放贷", LoanKind.Transfer, 3.2m, 4.5m, 50, 500, 12,
                Qualifications.HighTech | Qualifications.TechSme, "说明", now));
            var withdrawn = LoanProduct.Create(bank.Id, "安庆开放数据测试银行", "已下架产品", LoanKind.Research, 3.2m, 4.5m, 50, 500, 12, Qualifications.None, "说明", now);
            withdrawn.Withdraw();
            db.LoanProducts.Add(withdrawn);
            db.Scenarios.Add(Published(bank.Id, bank.Name, bank.RegionCode, "港口智能理货场景", "安庆港", "集装箱箱号识别率不足", Today.AddMonths(2), now));
            var agency = (Guid.NewGuid(), "安庆开放数据技术转移中心");
            var rows = AgencyRanking.Rank([agency, (Guid.NewGuid(), "安庆第二技术转移中心")], [new BrokeredDeal(agency.Item1, 300m, true)], new Dictionary<Guid, IReadOnlyList<decimal>>(), 0);
            db.RankingPublications.Add(RankingPublication.Confirm(2025, [], rows.Take(1).ToList(), Guid.Empty, now.AddDays(-1)));
            db.RankingPublications.Add(RankingPublication.Confirm(2025, [], rows, Guid.Empty, now));
            await db.SaveChangesAsync();
        });

        var catalog = await fx.Anonymous().GetPageAsync("/open-data");
        var names = catalog.QuerySelectorAll(".open-dataset").Select(d => d.Id!["dataset-".Length..]).ToList();
        names.Should().Contain(["needs", "results", "infringers", "loan-products", "scenarios", "agency-ranking"]);
        catalog.QuerySelectorAll(".open-dataset a").Should().HaveCount(names.Count * 2, "each as CSV and JSON");

        // No cell of any dataset is an English enum name, and none is withheld in the demo data (no false alarm on organizations).
        foreach (var name in names)
        {
            foreach (var row in await RowsAsync(name))
            {
                foreach (var (column, value) in row.Where(c => c.Value.ValueKind == JsonValueKind.String).Select(c => (c.Key, c.Value.GetString()!)))
                {
                    EnumNames.Should().NotContain(value, $"{name}.{column} is published with its Chinese label");
                    value.Should().NotBe(PersonalDataScan.Withheld, $"{name}.{column}: nothing personal in the demo's published fields");
                }
            }
        }

        // Hand counts from the tables.
        var (needs, results, infringers, products, scenarios) = await fx.WithDbAsync(async (db, _) => (
            await db.TechNeeds.CountAsync(n => n.Status == ListingStatus.Published || n.Status == ListingStatus.Solved),
            await db.TechResults.CountAsync(r => r.Status == ListingStatus.Published),
            (await db.InfringerEntries.AsNoTracking().ToListAsync()).Count(e => e.Listing == InfringerListing.Listed && e.PublishFrom <= Today && e.PublishUntil >= Today),
            await db.LoanProducts.CountAsync(p => p.IsPublished),
            await db.Scenarios.CountAsync(s => s.Status == ScenarioStatus.Open || s.Status == ScenarioStatus.Closed)));
        needs.Should().BeGreaterThan(0);
        (await RowsAsync("needs")).Should().HaveCount(needs);
        (await RowsAsync("results")).Should().HaveCount(results);
        (await RowsAsync("infringers")).Should().HaveCount(infringers).And.Contain(r => r["kind"].GetString() == "重复侵权");
        var loanRows = await RowsAsync("loan-products");
        loanRows.Should().HaveCount(products).And.NotContain(r => r["product"].GetString() == "已下架产品");
        var loan = loanRows.Single(r => r["product"].GetString() == "成果转化开放贷");
        loan["kind"].GetString().Should().Be("科技成果转化贷");
        loan["requires"].GetString().Should().Be("高新技术企业或科技型中小企业");
        (await RowsAsync("scenarios")).Should().HaveCount(scenarios).And.Contain(r => r["title"].GetString() == "港口智能理货场景" && r["status"].GetString() == "征集中");
        var ranking = await RowsAsync("agency-ranking");
        ranking.Should().HaveCount(2, "the latest confirmation of 2025 counts, not the first");
        ranking[0]["agency"].GetString().Should().Be("安庆开放数据技术转移中心");
        ranking[0]["deals"].GetInt32().Should().Be(1);
        ranking[0]["turnover"].GetDecimal().Should().Be(300m);

        var needsCsv = await (await fx.Anonymous().GetAsync("/open-data/needs.csv")).Content.ReadAsStringAsync();
        var contacts = await fx.WithDbAsync((db, _) => db.TechNeeds.AsNoTracking().Select(n => n.Contact.Name).ToListAsync());
        contacts.Should().NotBeEmpty().And.OnlyContain(c => !needsCsv.Contains(c, StringComparison.Ordinal), "no contact is a column");
    }

    [Fact]
    public async Task A_contact_or_expert_name_planted_in_a_published_field_is_withheld_by_the_scan()
    {
        var contact = await fx.WithDbAsync(async (db, _) => (await db.TechNeeds.AsNoTracking().Select(n => n.Contact.Name).ToListAsync())
            .First(n => PersonalDataScan.PersonName(n) is not null));
        var expert = await fx.WithDbAsync(async (db, _) => (await db.Experts.AsNoTracking().Select(e => e.Name).ToListAsync()).First(n => PersonalDataScan.PersonName(n) is not null));
        var result = await fx.WithDbAsync((db, _) => db.TechResults.AsNoTracking().Where(r => r.Status == ListingStatus.Published).OrderBy(r => r.Id).FirstAsync());
        var planted = $"{contact}课题组{result.Title}";
        await fx.WithDbAsync(async (db, _) =>
        {
            await db.TechResults.Where(r => r.Id == result.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, planted));
            var org = await db.Organizations.FirstAsync();
            db.Scenarios.Add(Published(org.Id, org.Name, org.RegionCode, "化工园区巡检场景", "高新区", $"请联系{expert}了解巡检需求", Today.AddMonths(1), fx.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var csv = await (await fx.Anonymous().GetAsync("/open-data/results.csv")).Content.ReadAsStringAsync();
        csv.Should().NotContain(contact).And.Contain(PersonalDataScan.Withheld);
        var rows = await RowsAsync("results");
        rows.Should().ContainSingle(r => r["title"].GetString() == PersonalDataScan.Withheld, "only the planted cell is withheld");
        rows.Should().Contain(r => r["summary"].GetString() == result.Summary, "the rest of the row is published");
        var scenarios = await RowsAsync("scenarios");
        scenarios.Single(r => r["title"].GetString() == "化工园区巡检场景")["problem"].GetString().Should().Be(PersonalDataScan.Withheld);
        (await (await fx.Anonymous().GetAsync("/open-data/scenarios.csv")).Content.ReadAsStringAsync()).Should().NotContain(expert);

        // Put back, so the class's other test sees the demo's fields as they were.
        await fx.WithDbAsync(async (db, _) =>
        {
            await db.TechResults.Where(r => r.Id == result.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, result.Title));
            await db.Scenarios.Where(s => s.Title == "化工园区巡检场景").ExecuteDeleteAsync();
        });
    }

    [Theory]
    [InlineData("张科员来厂交流", "个人姓名")]
    [InlineData("安庆市科技局", null)]
    [InlineData("联系电话13805561234", "手机号码")]
    [InlineData("证件34082219900101123X", "身份证号码")]
    [InlineData("证件340822199001011230", null)]
    public void The_scan_finds_names_of_persons_and_personal_numbers_but_not_units(string text, string? finding)
    {
        // A user's display name counts without its bracketed unit; a unit-like name of more than four characters is no person's.
        var scan = new PersonalDataScan(["张科员（市科技局）", "系统管理员", null, "X"]);
        scan.NameCount.Should().Be(1);
        scan.Finding(text).Should().Be(finding);
    }
}
