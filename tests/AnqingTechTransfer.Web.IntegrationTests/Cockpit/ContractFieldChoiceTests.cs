using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Cockpit;

/// <summary>
/// Issue 22 §8: the bureau chooses whether the plan's 技术合同交易额 target tracks 成交额 or 技术交易额, the choice is shown,
/// and the cockpit counts the chosen field. A fixture of its own: the choice changes the city's figures.
/// </summary>
public class ContractFieldChoiceTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const int Year = 2025;

    private static decimal ContractActual(AngleSharp.Html.Dom.IHtmlDocument page) =>
        decimal.Parse(page.QuerySelector("#indicator-table tr[data-indicator='contract_amount'] td.actual")!.TextContent.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_bureau_switches_the_target_to_the_assessed_field_and_the_cockpit_follows_while_nobody_else_may()
    {
        var start = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var registered = (await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking()
                .Where(c => c.Status == ContractStatus.Registered && !c.IsImported).Select(c => new { c.RegisteredAt, c.ContractAmount, c.TechAmount }).ToListAsync()))
            .Where(c => c.RegisteredAt >= start && c.RegisteredAt < start.AddYears(1)).ToList();
        registered.Sum(c => c.TechAmount).Should().NotBe(registered.Sum(c => c.ContractAmount), "deductions make the two fields differ in the demo data");

        var bureau = await fx.As("bureau");
        ContractActual(await bureau.GetPageAsync($"/cockpit?year={Year}")).Should().Be(registered.Sum(c => c.ContractAmount));
        var board = await bureau.GetPageAsync("/targets");
        board.QuerySelector("#contract-field option[selected]")!.TextContent.Should().Be("成交额");

        foreach (var user in new[] { "dept.zzb", "county.huaining", "leader.city" })
        {
            var other = await fx.As(user);
            (await other.PostFormAsync("/targets/contract-field", new() { ["field"] = "TechAmount" }, "/targets")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
        }

        (await bureau.GetPageAsync("/targets")).QuerySelector("#contract-field option[selected]")!.TextContent.Should().Be("成交额", "nobody else changed it");

        var response = await bureau.PostFormAsync("/targets/contract-field", new() { ["field"] = "TechAmount" }, "/targets");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        board = await bureau.GetPageAsync("/targets");
        board.QuerySelector("#flash-success")!.TextContent.Should().Contain("技术交易额");
        board.QuerySelector("#contract-field option[selected]")!.TextContent.Should().StartWith("技术交易额");
        board.QuerySelector("#targets-table tr[data-indicator='contract_amount'] th")!.TextContent.Should().Contain("取“技术交易额”字段");

        var cockpit = await bureau.GetPageAsync($"/cockpit?year={Year}");
        ContractActual(cockpit).Should().Be(registered.Sum(c => c.TechAmount));
        cockpit.QuerySelector("#indicator-table tr[data-indicator='contract_amount'] .indicator-rule")!.TextContent.Should().Contain("技术交易额");

        (await bureau.PostFormAsync("/targets/contract-field", new() { ["field"] = "AbsorbedAmount" }, "/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect,
            "a field that is not one of the two is refused with a message, not a 500");
        (await fx.WithDbAsync((db, _) => db.Indicators.Where(i => i.Key == "contract_amount").Select(i => i.Source).SingleAsync())).Should().Be(IndicatorSource.TechAmount);
    }
}
