using System.Diagnostics;
using System.Net;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Infrastructure.Search;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Search;

/// <summary>
/// Issue 25 §4, search that understands words (ADR 0017), on real PostgreSQL: needs, results, scenarios, carriers and
/// contract names are found by the words of a phrase typed without spaces, the best match first, with the words marked.
/// </summary>
public class WordSearchTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static IReadOnlyList<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody th a").Select(a => a.TextContent.Trim()).ToList();

    private static IReadOnlyList<string> Marks(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody mark").Select(m => m.TextContent).Distinct().ToList();

    private async Task<(Guid Id, string Name, string Region)> OrganizationAsync(string userName) => await fx.WithDbAsync(async (db, _) =>
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId);
        return (organization.Id, organization.Name, organization.RegionCode);
    });

    private async Task NeedAsync(string title, string summary, string keywords = "检测")
    {
        var (id, name, region) = await OrganizationAsync("ent.a");
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var need = TechNeed.Post(id, name, region, now);
            need.Edit(title, summary, "06", MarketListing.ParseKeywords(keywords), CooperationModes.Commissioned, new Contact("张伟明", "13805561234"), "指标",
                10, 100, today.AddMonths(6), today);
            need.Review(true, null, now);
            db.TechNeeds.Add(need);
            await db.SaveChangesAsync();
        });
    }

    private async Task ResultAsync(string title, string summary)
    {
        var (id, name, region) = await OrganizationAsync("univ.buct");
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var result = TechResult.Post(id, name, region, now);
            result.Edit(title, summary, "06", ["材料"], CooperationModes.Transfer, new Contact("李老师", "13905560000"), 6, IpKind.TradeSecret, "", name, 80, "课题组");
            result.Review(true, null, now);
            db.TechResults.Add(result);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public void The_segmenter_cuts_a_phrase_into_words_with_the_search_modes_shorter_words()
    {
        var cutter = JiebaWordCutter.Shared;

        cutter.Should().BeSameAs(JiebaWordCutter.Shared, "one segmenter per process");
        cutter.CutForSearch("聚丙烯老化").Should().Contain(["聚丙烯", "老化"]);
        cutter.CutForSearch("聚丙烯材料的耐候性老化评价").Should().Contain(["聚丙烯", "丙烯", "材料", "耐候性", "老化", "评价"]);
        WordQuery.Parse(cutter, "聚丙烯老化").Words.Select(w => w.Word).Should().Equal("聚丙烯", "老化");
        SearchText.Words(cutter, "耐候测试", "PP管材").Should().StartWith("耐候 测试 | pp 管材 |");
    }

    [Fact]
    public async Task A_phrase_finds_a_need_with_its_words_apart_and_the_better_match_comes_first()
    {
        await NeedAsync("汽车保险杠材料性能评估", "保险杠采用聚丙烯改性料，需评估其在湿热环境下的老化行为。");
        await NeedAsync("聚丙烯老化机理研究", "研究聚丙烯老化机理并提出改进配方。");
        await NeedAsync("聚乙烯薄膜老化", "农膜使用聚乙烯，老化开裂。");

        var page = await fx.Anonymous().GetPageAsync("/needs?q=" + Uri.EscapeDataString("聚丙烯老化"));

        Titles(page, "market-table").Should().Equal(["聚丙烯老化机理研究", "汽车保险杠材料性能评估"],
            "both words in the title rank above both in the summary, and 聚乙烯 is not 聚丙烯");
        Marks(page, "market-table").Should().BeEquivalentTo(["聚丙烯", "老化"]);
        page.QuerySelector("#market-table tbody .search-hit")!.InnerHtml.Should().Contain("<mark>聚丙烯</mark>");
        page.QuerySelector("#search-relaxed").Should().BeNull();
    }

    [Fact]
    public async Task A_long_word_found_nowhere_finds_its_shorter_part_and_says_so()
    {
        await NeedAsync("户外灯具外壳耐候测试", "灯具外壳长期日晒雨淋，需要开展耐候试验。");

        var page = await fx.Anonymous().GetPageAsync("/needs?q=" + Uri.EscapeDataString("耐候性"));

        Titles(page, "market-table").Should().Contain("户外灯具外壳耐候测试");
        Marks(page, "market-table").Should().Contain("耐候");
        page.QuerySelector("#search-relaxed")!.TextContent.Should().Contain("耐候");
    }

    [Fact]
    public async Task One_or_two_characters_still_match_anywhere_and_results_are_searched_by_words_too()
    {
        await ResultAsync("高透明阻燃聚碳酸酯板材", "板材阻燃等级V0，透光率高，适用于轨道交通内饰。");

        var anonymous = fx.Anonymous();
        Titles(await anonymous.GetPageAsync("/results?q=" + Uri.EscapeDataString("酸酯")), "market-table").Should().Contain("高透明阻燃聚碳酸酯板材",
            "two characters keep the substring path, inside a word");
        var words = await anonymous.GetPageAsync("/results?q=" + Uri.EscapeDataString("轨道交通阻燃板材"));
        Titles(words, "market-table").Should().Contain("高透明阻燃聚碳酸酯板材");
        Marks(words, "market-table").Should().Contain(["阻燃", "板材"]);
        Titles(await anonymous.GetPageAsync("/results?q=" + Uri.EscapeDataString("航空阻燃板材")), "market-table").Should().NotContain("高透明阻燃聚碳酸酯板材",
            "every word must match");
    }

    [Fact]
    public async Task A_record_edited_is_found_by_its_new_words_and_not_by_the_old()
    {
        await NeedAsync("磷石膏综合利用", "磷石膏堆存量大，寻求综合利用路线。");
        var anonymous = fx.Anonymous();
        Titles(await anonymous.GetPageAsync("/needs?q=" + Uri.EscapeDataString("磷石膏利用")), "market-table").Should().Contain("磷石膏综合利用");

        await fx.WithDbAsync(async (db, _) =>
        {
            var need = await db.TechNeeds.SingleAsync(n => n.Title == "磷石膏综合利用");
            need.Withdraw();
            var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime);
            need.Edit("磷石膏综合利用", "用于制备石膏砌块。", need.FieldCode, need.Keywords, need.Modes, need.Contact, need.Targets, need.BudgetMin, need.BudgetMax, need.Deadline, today);
            need.Review(true, null, fx.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        Titles(await anonymous.GetPageAsync("/needs?q=" + Uri.EscapeDataString("石膏砌块")), "market-table").Should().Contain("磷石膏综合利用");
        Titles(await anonymous.GetPageAsync("/needs?q=" + Uri.EscapeDataString("堆存量")), "market-table").Should().NotContain("磷石膏综合利用");
    }

    [Fact]
    public async Task Rows_written_without_the_app_get_their_words_from_the_backfill()
    {
        await NeedAsync("回填测试钛白粉废酸", "钛白粉生产废酸回收利用。");
        await fx.WithDbAsync((db, _) => db.Database.ExecuteSqlAsync($"UPDATE tech_needs SET search_words = NULL WHERE title = '回填测试钛白粉废酸'"));

        await fx.WithDbAsync((db, sp) => sp.GetRequiredService<SearchBackfill>().FillAsync(CancellationToken.None));

        var words = await fx.WithDbAsync((db, _) => db.TechNeeds.Where(n => n.Title == "回填测试钛白粉废酸").Select(n => EF.Property<string>(n, "SearchWords")).SingleAsync());
        words.Should().Contain("钛白粉").And.Contain("|");
        Titles(await fx.Anonymous().GetPageAsync("/needs?q=" + Uri.EscapeDataString("废酸回收钛白粉")), "market-table").Should().Contain("回填测试钛白粉废酸");
    }

    [Fact]
    public async Task Scenarios_are_searched_by_words_of_title_problem_and_place()
    {
        var anonymous = fx.Anonymous();
        var page = await anonymous.GetPageAsync("/scenarios?q=" + Uri.EscapeDataString("国产催化剂试用加氢"));

        Titles(page, "scenario-table").Should().Contain("化工园区加氢装置催化剂首试");
        Marks(page, "scenario-table").Should().Contain(["催化剂", "加氢"]);
        Titles(await anonymous.GetPageAsync("/scenarios?q=" + Uri.EscapeDataString("催化剂养殖")), "scenario-table").Should().BeEmpty();
        Titles(await anonymous.GetPageAsync("/scenarios?q=" + Uri.EscapeDataString("首试")), "scenario-table").Should().Contain("化工园区加氢装置催化剂首试");
    }

    [Fact]
    public async Task Carriers_are_searched_by_words_of_name_host_and_capabilities()
    {
        var anonymous = fx.Anonymous();
        var page = await anonymous.GetPageAsync("/carriers?q=" + Uri.EscapeDataString("中试基地化工"));

        Titles(page, "carrier-table").Should().Contain("安庆化工新材料中试基地");
        Marks(page, "carrier-table").Should().Contain(["中试", "基地", "化工"]);
        Titles(await anonymous.GetPageAsync("/carriers?q=" + Uri.EscapeDataString("催化材料分析检测")), "carrier-table").Should().Contain("安庆化工新材料中试基地",
            "its capabilities are words it is found by");
    }

    [Fact]
    public async Task Contract_names_are_searched_by_words_in_any_order()
    {
        var bureau = await fx.As("bureau");
        var page = await bureau.GetPageAsync("/contracts?q=" + Uri.EscapeDataString("热管理动力电池"));

        var names = page.QuerySelectorAll("#contract-table tbody td a").Select(a => a.TextContent.Trim()).ToList();
        names.Should().NotBeEmpty().And.OnlyContain(n => n.Contains("动力电池热管理"));
        // The query is cut 热/管理/动力电池 (热管理 is no word of the dictionary); each is marked.
        page.QuerySelectorAll("#contract-table tbody mark").Select(m => m.TextContent).Should().Contain(["动力电池", "管理"]);
    }

    [Theory]
    [InlineData("/needs?q=")]
    [InlineData("/results?q=")]
    [InlineData("/scenarios?q=")]
    [InlineData("/carriers?q=")]
    public async Task Hostile_input_never_fails(string path)
    {
        var anonymous = fx.Anonymous();
        foreach (var q in new[] { "'\"&|!:*()<->\\", "聚丙烯' & !老化 | (材料:*", "a:*&b|c!d<->e", "!!!", new string('聚', 10_000), string.Concat(Enumerable.Repeat("耐候性老化 & ", 800)) })
        {
            var response = await anonymous.GetAsync(path + Uri.EscapeDataString(q));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} with {q[..Math.Min(20, q.Length)]}");
        }

        var bureau = await fx.As("bureau");
        (await bureau.GetAsync("/contracts?q=" + Uri.EscapeDataString("'&|!:* 聚丙烯老化" + new string('x', 10_000)))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_search_page_reads_the_same_number_of_statements_whatever_it_finds()
    {
        await NeedAsync("语句计数一号光纤传感", "光纤传感。");
        await NeedAsync("语句计数二号光纤传感", "光纤传感。");
        await NeedAsync("语句计数三号光纤传感", "光纤传感。");
        var anonymous = fx.Anonymous();
        // Warm, under another address: the anonymous list is output-cached, and the same address would be a cache hit (one statement).
        await anonymous.GetAsync("/needs?page=1&q=" + Uri.EscapeDataString("光纤传感语句计数"));

        var one = await StatementsAsync(() => anonymous.GetAsync("/needs?q=" + Uri.EscapeDataString("一号光纤传感语句计数")));
        var three = await StatementsAsync(() => anonymous.GetAsync("/needs?q=" + Uri.EscapeDataString("光纤传感语句计数")));

        one.Should().BeGreaterThan(0);
        three.Should().Be(one, "three hits read no more than one (no statement per row)");
    }

    /// <summary>The statements Npgsql ran against this class's database while <paramref name="request"/> ran (its activities).</summary>
    private async Task<int> StatementsAsync(Func<Task<HttpResponseMessage>> request)
    {
        var database = new NpgsqlConnectionStringBuilder(fx.ConnectionString).Database!;
        var count = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == database || activity.Tags.Any(t => t.Value == database))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        (await request()).StatusCode.Should().Be(HttpStatusCode.OK);
        return count;
    }
}
