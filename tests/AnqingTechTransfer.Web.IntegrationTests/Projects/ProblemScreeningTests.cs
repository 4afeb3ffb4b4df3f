using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §8: the county reads a problem's description and 攻关指标 before screening it, from a to-do; the bureau gets its
/// own to-do for screened problems to list. A fixture of its own: the to-do counts are compared with the database.
/// </summary>
public class ProblemScreeningTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_county_is_told_reads_the_problem_and_screens_it_and_the_bureau_is_told_to_list_it()
    {
        var id = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "题目初审测试：高纯钨靶材致密化", "烧结后相对密度不足，影响溅射均匀性。\n现有工艺良率低。",
                "相对密度≥99.5%；晶粒≤50μm", 120m, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), DateOnly.FromDateTime(now.UtcDateTime), now);
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            return problem.Id;
        });

        var county = await fx.As("county.huaining");
        var proposed = await fx.WithDbAsync((db, _) => db.Problems.CountAsync(p => p.Status == ProblemStatus.Proposed && p.RegionCode == "340822"));
        var workspace = await county.GetPageAsync("/workspace");
        var todo = workspace.QuerySelectorAll("#todo-list a").Single(a => a.TextContent.Contains("待初审的企业题目"));
        todo.ParentElement!.QuerySelector(".badge")!.TextContent.Should().Be(proposed.ToString());
        var list = await county.GetPageAsync(todo.GetAttribute("href")!);
        var link = list.QuerySelectorAll("#problem-table a").Single(a => a.TextContent == "题目初审测试：高纯钨靶材致密化");

        var page = await county.GetPageAsync(link.GetAttribute("href")!);
        page.QuerySelector("#problem-description")!.TextContent.Should().Contain("烧结后相对密度不足");
        page.QuerySelector("#problem-targets")!.TextContent.Should().Contain("相对密度≥99.5%");
        var version = await fx.WithDbAsync((db, _) => db.Problems.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        page.QuerySelector("#problem-actions form")!.GetAttribute("action").Should().Be($"/projects/problems/{id}/screen");
        await county.PostFormAsync($"/projects/problems/{id}/screen", new() { ["pass"] = "true", ["version"] = version.ToString() }, $"/projects/problems/{id}");
        (await fx.WithDbAsync((db, _) => db.Problems.AsNoTracking().SingleAsync(p => p.Id == id))).Status.Should().Be(ProblemStatus.Screened);

        var screened = await fx.WithDbAsync((db, _) => db.Problems.CountAsync(p => p.Status == ProblemStatus.Screened));
        var bureauTodo = (await (await fx.As("bureau")).GetPageAsync("/workspace")).QuerySelectorAll("#todo-list a").Single(a => a.TextContent.Contains("待列入榜单的企业题目"));
        bureauTodo.ParentElement!.QuerySelector(".badge")!.TextContent.Should().Be(screened.ToString());
        bureauTodo.GetAttribute("href").Should().Be("/projects/problems?status=Screened");
        (await (await fx.As("county.qianshan")).GetAsync($"/projects/problems/{id}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "another county's problem");
    }
}
