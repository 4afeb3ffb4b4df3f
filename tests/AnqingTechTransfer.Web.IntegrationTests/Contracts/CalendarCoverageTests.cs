using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>The clock at a fixed moment (Beijing 10:00), set before anyone signs in.</summary>
public abstract class CalendarClockFixture(DateOnly beijingDay) : PortalFixture
{
    public DateOnly Today { get; } = beijingDay;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Set(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
    }
}

/// <summary>Two weeks before the end of the seeded calendar (2025 and 2026 only): the next 60 working days run into 2027.</summary>
public sealed class NearTheEndOfTheCalendar() : CalendarClockFixture(new DateOnly(2026, 12, 14));

/// <summary>Early in a covered year: the next 60 working days are all in 2026.</summary>
public sealed class EarlyInACoveredYear() : CalendarClockFixture(new DateOnly(2026, 3, 2));

internal static class CalendarArrange
{
    /// <summary>A large contract (30 working days) filed by ent.a and submitted today, accepted by the bureau through the page.</summary>
    public static async Task<TechContract> AcceptedLargeContractAsync(PortalFixture fx, string name)
    {
        var id = await fx.WithDbAsync(async (db, _) =>
        {
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "01");
            var entA = await db.Users.SingleAsync(u => u.UserName == "ent.a");
            var seller = await db.Organizations.SingleAsync(o => o.Id == entA.OrganizationId);
            var filer = new ContractActor(entA.Id, "ent.a");
            var now = fx.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var contract = TechContract.Draft(point.Id, seller.Id, now, filer, new ContractTerms(name, TechContractType.Development,
                TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty(seller.Name, seller.CreditCode, "142", seller.RegionCode, "150"),
                new ContractParty("太湖县某科技公司", AnqingTechTransfer.Domain.Organizations.CreditCode.Complete("91340825MA2R00001"), "142", "340825", "170"),
                seller.Id, null, seller.RegionCode, "340825", "01", "03", "07", "10", today, today, today.AddYears(1),
                600m, [], PaymentMode.LumpSumOnce, null, null, null, null, "负责人", "填报人", today));
            contract.Submit(now, filer, Domain.Contracts.ContractEvidence.Required(contract.Terms));
            db.TechContracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });
        var submitted = await LoadAsync(fx, id);
        var accept = await (await fx.As("bureau")).PostFormAsync($"/contracts/{id}/accept", new() { ["Version"] = submitted.Version.ToString() });
        accept.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await LoadAsync(fx, id);
    }

    private static Task<TechContract> LoadAsync(PortalFixture fx, Guid id) =>
        fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.Id == id));
}

public class CalendarRunningShortTests(NearTheEndOfTheCalendar fx) : IClassFixture<NearTheEndOfTheCalendar>
{
    [Theory]
    [InlineData("bureau")]
    [InlineData("registrar.city")]
    public async Task The_bureau_and_a_registrar_are_told_on_their_workspace(string user)
    {
        var todos = (await (await fx.As(user)).GetPageAsync("/workspace")).QuerySelector("#todo-list")!.TextContent;
        todos.Should().Contain("【工作日历】工作日历未覆盖未来 60 个工作日").And.Contain("2027 年").And.Contain("暂定");
    }

    [Fact]
    public async Task An_enterprise_is_not_told()
    {
        var todos = (await (await fx.As("ent.a")).GetPageAsync("/workspace")).QuerySelector("#todo-list")!.TextContent;
        todos.Should().NotContain("工作日历");
    }

    [Fact]
    public async Task The_calendar_page_warns_the_bureau_and_names_the_year_to_enter()
    {
        var page = await (await fx.As("bureau")).GetPageAsync("/registration-points/calendar");
        var warning = page.QuerySelector("#calendar-coverage-warning")!.TextContent;
        warning.Should().Contain("只录入到 2026年12月31日").And.Contain("2027 年").And.Contain("国务院办公厅");
    }

    [Fact]
    public async Task Readiness_stays_up_but_degraded_and_says_why_in_chinese_and_english()
    {
        using var anonymous = fx.Anonymous();
        var ready = await anonymous.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, "a short calendar must not take the app out of the load balancer");
        var body = await ready.Content.ReadAsStringAsync();
        body.Should().StartWith("Degraded").And.Contain("calendar: Degraded").And.Contain("工作日历").And.Contain("missing year(s): 2027");
        body.Should().NotContain("Unhealthy");
    }

    [Fact]
    public async Task A_deadline_past_the_covered_range_is_marked_provisional_on_the_list_and_the_details()
    {
        var contract = await CalendarArrange.AcceptedLargeContractAsync(fx, "日历测试：跨年办理时限");
        contract.AcceptedOn.Should().Be(fx.Today);
        contract.DueOn!.Value.Year.Should().Be(2027, "30 working days from mid-December");

        var bureau = await fx.As("bureau");
        var details = await bureau.GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#due-provisional")!.TextContent.Should().Be("暂定");
        details.QuerySelector("#due-provisional")!.GetAttribute("title").Should().Contain("超出工作日历已录入的年份");
        details.QuerySelector("#due-provisional-note")!.TextContent.Should().Contain("国务院办公厅");

        var list = await bureau.GetPageAsync("/contracts?q=" + Uri.EscapeDataString("日历测试：跨年办理时限"));
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("日历测试：跨年办理时限"));
        row.QuerySelector(".provisional-due")!.TextContent.Should().StartWith("暂定");
    }
}

public class CalendarCoveringTests(EarlyInACoveredYear fx) : IClassFixture<EarlyInACoveredYear>
{
    [Fact]
    public async Task Early_in_a_covered_year_nobody_is_warned_and_readiness_is_healthy()
    {
        foreach (var user in new[] { "bureau", "registrar.city" })
        {
            (await (await fx.As(user)).GetPageAsync("/workspace")).QuerySelector("#todo-list")!.TextContent.Should().NotContain("工作日历");
        }

        (await (await fx.As("bureau")).GetPageAsync("/registration-points/calendar")).QuerySelector("#calendar-coverage-warning").Should().BeNull();
        using var anonymous = fx.Anonymous();
        (await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task A_deadline_inside_the_covered_range_is_not_provisional()
    {
        var contract = await CalendarArrange.AcceptedLargeContractAsync(fx, "日历测试：年内办理时限");
        contract.DueOn!.Value.Year.Should().Be(2026);
        var details = await (await fx.As("bureau")).GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#due-on")!.TextContent.Should().NotBeEmpty();
        details.QuerySelector("#due-provisional").Should().BeNull();
    }
}
