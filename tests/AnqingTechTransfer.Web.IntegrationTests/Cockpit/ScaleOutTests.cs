using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Cockpit;

/// <summary>Two app instances over one database, as behind a load balancer: sessions, antiforgery and the cockpit's cache.</summary>
public class ScaleOutTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static decimal Absorbed(string html) => decimal.Parse(PortalClient.Parse(html)
        .QuerySelector("#indicator-table tr[data-indicator='absorbed_amount'] td.actual")!.TextContent.Replace(",", string.Empty).Trim(), NumberStyles.Number,
        CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_second_instance_accepts_the_first_ones_sign_in_and_antiforgery_and_its_cached_cockpit_sees_a_registration_made_through_the_first()
    {
        await using var second = new PortalFactory(fx.Factory.ConnectionString, fx.Clock);
        var first = await fx.SignInAsync("leader.huaining");
        // The same cookies, sent to the other instance.
        var other = new PortalClient(second.CreateDefaultClient(PortalFixture.BaseAddress, new CookieContainerHandler(first.Cookies)), first.Cookies);
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var page = await other.GetAsync($"/cockpit?year={year}");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "a session from one instance is valid on the other (keys in the database)");
        var before = Absorbed(await page.Content.ReadAsStringAsync());
        Absorbed(await (await other.GetAsync($"/cockpit?year={year}")).Content.ReadAsStringAsync()).Should().Be(before, "the second read is served from its cache");

        // A contract absorbed by 怀宁县 is registered through the first instance's database context.
        await fx.WithDbAsync(async (db, _) =>
        {
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "00");
            var terms = new ContractTerms("多实例缓存测试合同", TechContractType.Development, TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty("合肥某研究院", "12340100MB0000001X", "142", "340100", "110"), new ContractParty("怀宁某企业", "91340822MA2N00999X", "142", "340822", "150"),
                null, null, null, "340822", "01", "03", "07", "10", new DateOnly(year, 1, 2), new DateOnly(year, 1, 2), new DateOnly(year + 1, 1, 2),
                77m, [], PaymentMode.LumpSumOnce, null, null, null, null);
            db.TechContracts.Add(TechContract.Imported(point.Id, Guid.Empty, fx.Clock.GetUtcNow(), new ContractActor(Guid.Empty, "导入"), terms, "SCALEOUT00000001",
                new DateTimeOffset(year, 1, 5, 2, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        });
        Absorbed(await (await other.GetAsync($"/cockpit?year={year}")).Content.ReadAsStringAsync())
            .Should().Be(before + 77m, "the version row bumped by the write invalidates the other instance's cache at its next request");

        // An antiforgery token issued by the first instance is accepted by the second (signing out there).
        var token = await first.TokenAsync("/account/security");
        var posted = await other.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, "the token validates on the other instance (a refused one is 400)");
        (await other.GetAsync($"/cockpit?year={year}")).StatusCode.Should().Be(HttpStatusCode.Redirect, "signed out");
    }
}
