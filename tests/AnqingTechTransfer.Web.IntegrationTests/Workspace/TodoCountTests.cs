using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AnqingTechTransfer.Web.IntegrationTests.Projects;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Workspace;

/// <summary>
/// Issue 25 §2: every pending action is a to-do on /workspace for whoever must act, and every to-do counts exactly the rows
/// of the list it opens. Each demo user's to-dos are followed to their list, page by page, and counted there; the test also
/// requires that every kind of to-do showed up at least once, so that a kind without work in the demo cannot pass unseen.
/// </summary>
public class TodoCountTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private sealed record Todo(string User, string Module, string Title, int Count, string Url);

    private async Task<List<Todo>> TodosOfAsync(string user)
    {
        var client = await fx.As(user);
        var response = await client.GetAsync("/workspace");
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return []; // an account without a workspace (e.g. the security administrator is sent to its own page)
        }

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll("#todo-list li").Where(li => li.QuerySelector("a") is not null).Select(li =>
        {
            var a = li.QuerySelector("a")!;
            var text = a.TextContent.Trim();
            var module = text[1..text.IndexOf('】')];
            return new Todo(user, module, text[(text.IndexOf('】') + 1)..].Trim(), int.Parse(li.QuerySelector(".badge")!.TextContent.Trim()), a.GetAttribute("href")!);
        }).ToList();
    }

    /// <summary>
    /// The rows of the list an address opens: the body rows of its first list table (an id ending in "-table"), or the items of
    /// its first list (an id ending in "-list"), without the "暂无…" placeholder row; followed through every page of the pager.
    /// A to-do that opens a part of a page names it by its fragment (#id): then the rows are that element's.
    /// </summary>
    private static async Task<int> RowsAsync(PortalClient client, string url)
    {
        var count = 0;
        var hash = url.IndexOf('#');
        var part = hash < 0 ? null : url[(hash + 1)..];
        var next = hash < 0 ? url : url[..hash];
        for (var guard = 0; next is not null && guard < 100; guard++)
        {
            var page = await client.GetPageAsync(next);
            if (part is not null)
            {
                var element = page.GetElementById(part);
                element.Should().NotBeNull($"{url} shows #{part}");
                return element!.QuerySelectorAll(":scope > li, :scope > tbody > tr").Length;
            }

            var table = page.QuerySelector("main table[id$='-table']");
            if (table is not null)
            {
                count += table.QuerySelectorAll(":scope > tbody > tr").Count(tr => tr.QuerySelector("td[colspan]") is null || tr.Children.Length > 1);
            }
            else
            {
                var list = page.QuerySelector("main ul[id$='-list'], main ol[id$='-list']");
                list.Should().NotBeNull($"{url} shows a list");
                count += list!.QuerySelectorAll(":scope > li").Length;
            }

            var nextLink = page.QuerySelectorAll("nav[aria-label='分页'] li.page-item:not(.disabled) a.page-link").FirstOrDefault(a => a.TextContent.Trim() == "下一页");
            next = nextLink?.GetAttribute("href");
        }

        return count;
    }

    /// <summary>The kinds the demo and the arrangement below give work to: each must show up for someone.</summary>
    private static readonly string[] Kinds =
    [
        "待受理的合同", "工作日历", "退回补正的合同", "尚未提交的合同草稿",
        "待列入榜单的企业题目", "待形式审查的项目申报", "待初审的企业题目", "待推荐的项目申报", "退回补正的项目申报", "待报送的项目中期报告",
        "待审核的专家入库申请", "待完成的评审",
        "待审核的技术需求", "待审核的科技成果", "待回复的对接意向",
        "有待审阅进展报告的任务", "本季度待报送进展的任务", "需补充进展报告的任务", "待审核的高校院所年度报告",
        "待审核的单位注册申请", "统一社会信用代码校验位待核实",
        "待确认的高新技术企业证书",
        "待审核的应用场景", "退回修改的应用场景",
    ];

    /// <summary>
    /// Work the demo lacks, arranged in the database: two problems (to screen, to list), an application returned to ent.a and one waiting for its county, a
    /// project of ent.a whose mid-term report is due, a docking request to ent.a, a seat waiting for expert.a, a scenario
    /// returned to its author and one sent for review, a measure report sent back to 怀宁县, a pending registration with a wrong check character.
    /// </summary>
    private Task ArrangeAsync() => fx.WithDbAsync(async (db, _) =>
    {
        var now = fx.Clock.GetUtcNow();
        var today = Web.Features.Shared.Display.Today(fx.Clock);
        var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
        var call = Call.Draft(2027, "待办测试指南", now);
        var programme = call.AddProgramme(new ProgrammeTerms("待办测试专项", FundingMode.Crowdsourcing, 1000m, now.AddDays(-1), now.AddDays(30), 5, 5, true, [], null, 100m)
            { AcceptanceCriteria = "按任务要求完成验收" }, now);
        call.Publish(now);
        db.ProjectCalls.Add(call);
        ProjectApplication Application(string title)
        {
            var a = ProjectApplication.Draft(programme, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, true, null, now);
            a.Edit(title, "内容", [new BudgetLine("设备费", 20, 60)], [new Milestone("中试", today.AddDays(60), "报告")], [], [new TeamMember("张工", "KEY-ZHANG")]);
            db.ProjectApplications.Add(a);
            return a;
        }

        // A problem for 怀宁县 to screen, and one it passed for the bureau to put on a 榜单.
        Problem NewProblem(string title) => Problem.Propose(entA.Id, entA.Name, entA.RegionCode, title, "烧结后相对密度不足。", "相对密度≥99.5%", 120m,
            today.AddYears(1), today, now);
        db.Problems.Add(NewProblem("待办测试：待初审题目"));
        var screened = NewProblem("待办测试：待列入榜单题目");
        screened.Screen(true, null);
        db.Problems.Add(screened);

        Application("待办测试：待推荐").Submit(programme.Terms, now);
        var returned = Application("待办测试：退回补正");
        returned.Submit(programme.Terms, now);
        returned.Recommend(false, "请补充预算说明");
        var awarded = Application("待办测试：中期报告");
        ApplicationSteps.Award(awarded, programme.Terms, now, 85, 60);
        db.Projects.Add(Project.FromAward(awarded, today.AddDays(-100), today.AddDays(100), [new Tranche(1, 60, "签订任务书", today)], now, FundingMode.Crowdsourcing));

        var need = (await db.TechNeeds.Where(n => n.OrganizationId == entA.Id).ToListAsync()).First(n => n.IsPublic);
        var buct = await db.Organizations.SingleAsync(o => o.Name == "北京化工大学安庆研究院");
        var result = (await db.TechResults.Where(r => r.OrganizationId == buct.Id).ToListAsync()).First(r => r.IsPublic);
        db.DockingRequests.Add(DockingRequest.Open(need, result, buct.Id, "希望对接", now));

        var expertUser = await db.Users.Where(u => u.UserName == "expert.a").Select(u => u.Id).SingleAsync();
        var panel = ReviewPanel.Create("待办测试评审", "项目评审", new ReviewSubject("安庆华宁新材料科技有限公司", entA.CreditCode, [], [], []),
            null, [new RubricItem("技术先进性", 100)], Aggregation.Mean, 0, today.AddDays(5), Guid.NewGuid(), now);
        var pool = await db.Experts.Where(e => e.Status == ExpertStatus.Active && e.UserId == expertUser).ToListAsync();
        panel.RecordDraw(ExpertDraw.Run(11, new DrawCriteria([.. pool[0].Profile.FieldCodes], ExpertTypes.None, 1, 0, 1, 0, 0, today.AddDays(5)),
                pool.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, true, 100, true)).ToList(), []),
            pool.ToDictionary(e => e.Id, e => e.UserId), now);
        db.ReviewPanels.Add(panel);

        // ent.a's pending scenario goes back to it; the 场景促进中心's draft for 潜山市 goes to 潜山市 for review.
        (await db.Scenarios.FirstAsync(s => s.OrganizationId == entA.Id && s.Status == ScenarioStatus.Pending)).Return("赵主任", "请补充场景预算");
        (await db.Scenarios.FirstAsync(s => s.Status == ScenarioStatus.Draft && s.RegionCode == "340882")).Submit(today);

        var huaining = await db.Organizations.SingleAsync(o => o.Name == "怀宁县人民政府");
        var period = ReportingPeriod.LastEnded(today);
        var reported = await db.MeasureReports.Where(r => r.OrganizationId == huaining.Id).Select(r => r.MeasureId).ToListAsync();
        var measure = (await db.PlanMeasures.Where(m => m.Status == MeasureStatus.InProgress && !m.PeriodClosed && !reported.Contains(m.Id)).ToListAsync())
            .First(m => m.IsLedBy(huaining.Id, huaining.Kind, huaining.RegionCode));
        var more = MeasureReport.File(measure, huaining.Id, huaining.Name, huaining.Kind, huaining.RegionCode, period, today, "本季度组织对接活动两次。", [], now);
        more.AskForMore("请补充对接成效", now);
        db.MeasureReports.Add(more);
        await db.SaveChangesAsync();

        // A need (潜山舒源's, for 潜山市) and a result back in review: the demo publishes all of its listings.
        var entB = await db.Organizations.SingleAsync(o => o.Name == "潜山舒源生物医药有限公司");
        await db.TechNeeds.Where(n => n.Id == db.TechNeeds.Where(x => x.OrganizationId == entB.Id).OrderBy(x => x.Id).Select(x => x.Id).First())
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, ListingStatus.Pending));
        await db.TechResults.Where(r => r.Id == db.TechResults.Where(x => x.OrganizationId != buct.Id).OrderBy(x => x.Id).Select(x => x.Id).First())
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ListingStatus.Pending));
        await db.Organizations.Where(o => o.Name == "怀宁县皖河智能装备有限公司").ExecuteUpdateAsync(s => s.SetProperty(o => o.HasChecksumWarning, true));
    });

    [Fact]
    public async Task Every_todo_counts_the_rows_of_the_list_it_opens()
    {
        await ArrangeAsync();
        var todos = new List<Todo>();
        foreach (var user in DemoSeed.Users.Select(u => u.UserName))
        {
            todos.AddRange(await TodosOfAsync(user));
        }

        var wrong = new List<string>();
        foreach (var todo in todos)
        {
            var rows = await RowsAsync(await fx.As(todo.User), todo.Url);
            if (rows != todo.Count)
            {
                wrong.Add($"{todo.User}: 【{todo.Module}】{todo.Title} = {todo.Count}, {todo.Url} lists {rows}");
            }
        }

        wrong.AddRange(Kinds.Where(k => !todos.Any(t => t.Title.StartsWith(k, StringComparison.Ordinal))).Select(k => $"no one has a to-do {k}"));
        string.Join("\n", wrong).Should().BeEmpty("every to-do counts what its list shows; seen: " + string.Join(" | ", todos.Select(t => $"{t.User} {t.Title} {t.Count} {t.Url}")));
    }
}
