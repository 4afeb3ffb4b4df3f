using System.Net;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Experts;

public class ExpertPoolTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static Dictionary<string, string> Form(string name, string idNumber, string mobile, string employerCode) => new()
    {
        ["Name"] = name, ["IdNumber"] = idNumber, ["Mobile"] = mobile, ["EmployerName"] = "安徽大学", ["EmployerCreditCode"] = employerCode,
        ["FieldCodes"] = "04", ["Types"] = "Technical", ["IsLocal"] = "false",
    };

    private static readonly string Anhui = Domain.Organizations.CreditCode.Complete("12340000MB1234583");

    [Fact]
    public async Task One_person_one_record_the_same_id_number_or_mobile_is_refused_even_across_counties()
    {
        var id = PersonalIds.CompleteIdNumber("34082219750505123");
        var bureau = await fx.As("bureau");
        (await bureau.PostFormAsync("/experts/apply", Form("钱测试", id, "13955550001", Anhui), "/experts/apply")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fx.WithDbAsync((db, _) => db.Experts.AsNoTracking().SingleAsync(e => e.Name == "钱测试"));
        stored.IdNumberCipher.Should().NotContain(id[..6], "the number is stored encrypted");
        stored.IdNumberMasked.Should().Be(id[..6] + "********" + id[^4..]);

        // 怀宁县 cannot see the bureau's record; the database still refuses a second record for the same person.
        var county = await fx.As("county.huaining");
        var again = await county.PostFormAsync("/experts/apply", Form("钱测试", id.ToLowerInvariant(), "13955550002", Anhui), "/experts/apply");
        PortalClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='IdNumber']")!.TextContent.Should().Contain("同一人只能有一条专家记录");
        var sameMobile = await bureau.PostFormAsync("/experts/apply", Form("钱另一", PersonalIds.CompleteIdNumber("34082219750505124"), "139 5555 0001", Anhui), "/experts/apply");
        PortalClient.Parse(await sameMobile.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Mobile']")!.TextContent.Should().Contain("该手机号已在专家库中");
        (await fx.WithDbAsync((db, _) => db.Experts.CountAsync(e => e.Name.StartsWith("钱")))).Should().Be(1);

        var bad = await bureau.PostFormAsync("/experts/apply", Form("孙错误", "340822197505051230", "12345", Anhui), "/experts/apply");
        var page = PortalClient.Parse(await bad.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='IdNumber']")!.TextContent.Should().Contain("身份证号不正确");
        page.QuerySelector("[data-valmsg-for='Mobile']")!.TextContent.Should().Contain("11位");
    }

    [Fact]
    public async Task The_bureau_approves_suspends_and_records_integrity_and_an_expert_below_the_credit_line_is_not_drawn()
    {
        var bureau = await fx.As("bureau");
        var id = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.Status == ExpertStatus.Applied).Select(e => e.Id).FirstAsync());
        var version = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        await bureau.PostFormAsync($"/experts/{id}/approve", new() { ["version"] = version.ToString() }, $"/experts/{id}");
        (await fx.WithDbAsync((db, _) => db.Experts.SingleAsync(e => e.Id == id))).Status.Should().Be(ExpertStatus.Active);

        await bureau.PostFormAsync($"/experts/{id}/integrity", new() { ["kind"] = "Leaking", ["evidence"] = "向申报单位透露评审意见", ["sanction"] = "Warning" }, $"/experts/{id}");
        var page = await bureau.GetPageAsync($"/experts/{id}");
        page.QuerySelector("#credit-score")!.TextContent.Should().Be("70");
        page.QuerySelector("#integrity-events")!.TextContent.Should().Contain("泄露评审信息");
    }

    [Fact]
    public async Task A_former_employer_is_kept_with_the_day_the_expert_left_and_a_line_without_it_is_refused_next_to_the_field()
    {
        var bureau = await fx.As("bureau");
        var code = Domain.Organizations.CreditCode.Complete("91340822MA2N00501");
        var bad = Form("周原单", PersonalIds.CompleteIdNumber("34082219750606123"), "13955550061", Anhui);
        bad["Relations"] = $"原单位,安庆华宁新材料科技有限公司,{code}";
        var refused = PortalClient.Parse(await (await bureau.PostFormAsync("/experts/apply", bad, "/experts/apply")).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-valmsg-for='Relations']")!.TextContent.Should().Contain("离职日期");

        bad["Relations"] = $"原单位,安庆华宁新材料科技有限公司,{code},2025-06-30";
        (await bureau.PostFormAsync("/experts/apply", bad, "/experts/apply")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fx.WithDbAsync((db, _) => db.Experts.AsNoTracking().SingleAsync(e => e.Name == "周原单"));
        stored.Relations.Should().ContainSingle().Which.Should().Be(new DeclaredRelation(RelationKind.FormerEmployer, "安庆华宁新材料科技有限公司", code, null, null,
            new DateOnly(2025, 6, 30)));
        (await bureau.GetPageAsync($"/experts/{stored.Id}")).Body!.TextContent.Should().Contain("原单位：安庆华宁新材料科技有限公司").And.Contain("2025年6月30日 离职");
    }
}
