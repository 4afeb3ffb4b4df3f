using System.Net;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

/// <summary>December 2026: the 2021–2025 plan ran out a year ago (Beijing 10:00 on 14 December, set before anyone signs in).</summary>
public sealed class DecemberAfterThePlan : PortalFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Set(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.FromHours(8)));
    }
}

public class PlanPeriodTests(DecemberAfterThePlan fx) : IClassFixture<DecemberAfterThePlan>
{
    private static IEnumerable<AngleSharp.Dom.IElement> Rows(AngleSharp.Html.Dom.IHtmlDocument board) => board.QuerySelectorAll("#measure-table tbody tr");

    [Fact]
    public async Task The_board_shows_no_measure_overdue_for_the_old_plans_end_and_the_bureau_carries_the_open_ones_into_2026_2030_leaving_the_old_read_only()
    {
        var bureau = await fx.As("bureau");
        var board = await bureau.GetPageAsync("/supervision");
        Rows(board).Should().HaveCount(49, "every measure of the plan is on the board");
        Rows(board).Should().OnlyContain(r => r.QuerySelectorAll("td")[1].TextContent.Trim().Length > 0, "each with its lead unit");
        board.QuerySelectorAll("#measure-table .overdue").Should().BeEmpty("no measure is 逾期 only because the plan ended on 2025-12-31");
        board.QuerySelector("#period-ran-out")!.TextContent.Should().Contain("2021—2025年").And.Contain("开启新一期");
        (await bureau.GetPageAsync("/supervision?late=true")).QuerySelectorAll("#measure-table .overdue").Should().BeEmpty();

        var before = await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().ToListAsync());
        var open = before.Count(m => m.Status == MeasureStatus.InProgress);
        (await (await fx.As("dept.jxj")).PostFormAsync("/supervision/periods", new() { ["startYear"] = "2026", ["endYear"] = "2030", ["deadline"] = "2030-12-31" },
            "/supervision")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the bureau opens a period");
        (await bureau.PostFormAsync("/supervision/periods", new() { ["startYear"] = "2027", ["endYear"] = "2030", ["deadline"] = "2030-12-31" }, "/supervision"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.PlanMeasures.CountAsync())).Should().Be(before.Count, "a period that does not follow the old one is refused");
        (await bureau.GetPageAsync("/supervision")).QuerySelector("#flash-error")!.TextContent.Should().Contain("新一期应从2026年开始");

        var opened = await bureau.PostFormAsync("/supervision/periods", new() { ["startYear"] = "2026", ["endYear"] = "2030", ["deadline"] = "2030-12-31" }, "/supervision");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().ToListAsync());
        var carried = after.Where(m => m.PeriodStartYear == 2026).ToList();
        carried.Should().HaveCount(open, "every open measure is carried over in one step");
        carried.Should().OnlyContain(m => m.PeriodEndYear == 2030 && m.Deadline == new DateOnly(2030, 12, 31) && !m.PeriodClosed && m.CarriedFromId != null);
        carried.Select(m => m.Number).Should().BeEquivalentTo(before.Where(m => m.Status == MeasureStatus.InProgress).Select(m => m.Number));
        after.Where(m => m.PeriodStartYear == 2021).Should().OnlyContain(m => m.PeriodClosed);

        var current = await bureau.GetPageAsync("/supervision");
        current.QuerySelector("#flash-success")!.TextContent.Should().Contain("已开启2026—2030年行动方案期").And.Contain($"{open} 项");
        Rows(current).Should().HaveCount(open);
        current.QuerySelector("#period-ran-out").Should().BeNull();
        var old = await bureau.GetPageAsync("/supervision?period=2021");
        Rows(old).Should().HaveCount(49);
        Rows(old).Should().OnlyContain(r => r.QuerySelector(".measure-status")!.TextContent.Contains("已结束"));
        old.QuerySelector("#open-period-form").Should().BeNull("a closed period is not carried over again");

        var measure3 = after.Single(m => m.PeriodStartYear == 2021 && m.Number == 3);
        await bureau.PostFormAsync($"/supervision/{measure3.Id}/done", new() { ["version"] = measure3.Version.ToString(), ["conclusion"] = "旧方案期" }, $"/supervision/{measure3.Id}");
        (await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().SingleAsync(m => m.Id == measure3.Id))).Status.Should().Be(MeasureStatus.InProgress,
            "a closed period's measure cannot be edited");
        var page = await bureau.GetPageAsync($"/supervision/{measure3.Id}");
        page.QuerySelector("#measure-status")!.TextContent.Should().Be("已结束");
        page.QuerySelector("#done-form").Should().BeNull();
        page.QuerySelector("#leads-form").Should().BeNull();

        var huaining = await fx.As("county.huaining");
        var reports = await fx.WithDbAsync((db, _) => db.MeasureReports.CountAsync());
        await huaining.PostFormAsync($"/supervision/{measure3.Id}/reports", new() { ["period"] = "2026Q3", ["progress"] = "旧方案期的进展" }, $"/supervision/{measure3.Id}");
        (await fx.WithDbAsync((db, _) => db.MeasureReports.CountAsync())).Should().Be(reports, "no progress is filed on a closed period's measure");
        var next3 = carried.Single(m => m.Number == 3);
        await huaining.PostFormAsync($"/supervision/{next3.Id}/reports", new() { ["period"] = "2026Q3", ["progress"] = "新一期的进展" }, $"/supervision/{next3.Id}");
        (await fx.WithDbAsync((db, _) => db.MeasureReports.CountAsync(r => r.MeasureId == next3.Id))).Should().Be(1, "the carried-over measure takes the reports");
    }
}
