using System.Net;
using System.Text;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Carriers;

public class CarrierTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A contract of 安庆师范大学 brokered by an organization, registered on a given day (or only approved).</summary>
    private async Task ContractAsync(string name, Guid? broker, string? buyerRegion, decimal amount, DateTimeOffset registeredAt, bool register = true) =>
        await fx.WithDbAsync(async (db, _) =>
        {
            registeredAt = registeredAt.ToUniversalTime();
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "01");
            var seller = await db.Organizations.SingleAsync(o => o.Name == "安庆师范大学");
            var filer = new ContractActor(Guid.Empty, "univ.aqnu");
            var on = DateOnly.FromDateTime(registeredAt.UtcDateTime);
            var contract = TechContract.Draft(point.Id, seller.Id, registeredAt, filer, new ContractTerms(name, TechContractType.Development,
                TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty(seller.Name, seller.CreditCode, "142", seller.RegionCode, "110"),
                new ContractParty("某买方公司", AnqingTechTransfer.Domain.Organizations.CreditCode.Complete("91340822MA2R00001"), "142", buyerRegion ?? "340100", "170"),
                seller.Id, null, seller.RegionCode, buyerRegion, "01", "03", "07", "10", on, on, on.AddYears(1), amount, [], PaymentMode.LumpSumOnce, broker, null, null, null, "负责人", "填报人", on));
            contract.Submit(registeredAt, filer, Domain.Contracts.ContractEvidence.Required(contract.Terms));
            contract.Accept(registeredAt, on, filer, new WorkingDayCalendar([]), false, 15, 30);
            contract.StartReview(registeredAt, filer);
            contract.Approve(registeredAt, filer, null);
            if (register)
            {
                contract.Register(registeredAt, filer, "R" + Guid.NewGuid().ToString("N")[..15], "CARRIER1", null);
            }

            db.TechContracts.Add(contract);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_agency_ranking_matches_a_hand_count_of_brokered_contracts_landed_in_anqing_including_an_imported_one()
    {
        var now = fx.Clock.GetUtcNow().ToOffset(Beijing);
        var year = now.Year;
        var (wanjiang, aqnu) = await fx.WithDbAsync(async (db, _) => (
            await db.Organizations.Where(o => o.Name == "安庆皖江技术转移中心有限公司").Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "安庆师范大学").Select(o => o.Id).SingleAsync()));
        // The demo data already holds contracts brokered by 皖江: the hand count adds to what the page showed before.
        var bureau = await fx.As("bureau");
        async Task<List<(string Name, int Deals, decimal Turnover)>> PreviewAsync() =>
            (await bureau.GetPageAsync($"/carriers/ranking?year={year}")).QuerySelectorAll("#preview-table tbody tr")
            .Select(r => r.QuerySelectorAll("td, th").Select(c => c.TextContent.Trim()).ToList())
            .Select(c => (c[1], int.Parse(c[2]), decimal.Parse(c[3].Replace(",", "")))).ToList();
        var before = (await PreviewAsync()).Single(r => r.Name == "安庆皖江技术转移中心");
        await ContractAsync("排名：皖江促成、买方在怀宁", wanjiang, "340822", 100m, now);
        await ContractAsync("排名：皖江促成、买方在合肥", wanjiang, null, 500m, now);
        await ContractAsync("排名：皖江促成、上年登记", wanjiang, "340822", 300m, now.AddYears(-1));
        await ContractAsync("排名：皖江促成、尚未登记", wanjiang, "340822", 200m, now, register: false);
        await ContractAsync("排名：师大促成、买方在潜山", aqnu, "340882", 80m, now);
        await ContractAsync("排名：师大促成、买方在潜山（二）", aqnu, "340882", 20m, now);

        // An imported contract registered elsewhere, brokered by 安徽科技大市场安庆分市场 (not on the portal: matched by name).
        var csv = "登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期,中介机构名称,中介机构统一社会信用代码\n"
            + $"R{year}340100000901,排名：外地登记导入,技术开发,合肥某大学,,340100,安庆某企业,,340802,,01,60,60,{now:yyyy-MM-dd},{now:yyyy-MM-dd},安徽科技大市场安庆分市场,\n";
        var (_, imported, _) = await fx.ImportAsync(bureau, "/contracts/import", [], ("file", "import.csv", Encoding.UTF8.GetBytes(csv)));
        imported.QuerySelector("#imported-count")!.TextContent.Should().Be("1");

        (await bureau.GetPageAsync($"/carriers/ranking?year={year}")).QuerySelector("#not-published").Should().NotBeNull("nothing is public before the bureau confirms");
        var rows = await PreviewAsync();
        rows.Single(r => r.Name == "安庆皖江技术转移中心").Should().Be(("安庆皖江技术转移中心", before.Deals + 1, before.Turnover + 100m),
            "of its four new contracts only the one registered this year with a buyer in Anqing counts");
        rows.Single(r => r.Name == "安庆师范大学技术转移中心").Should().Be(("安庆师范大学技术转移中心", 2, 100m));
        rows.Single(r => r.Name == "安徽科技大市场安庆分市场").Should().Be(("安徽科技大市场安庆分市场", 1, 60m), "the imported contract counts, matched by the broker's name");
        rows.Select(r => r.Name).Should().Equal(rows.OrderByDescending(r => r.Deals).ThenByDescending(r => r.Turnover).Select(r => r.Name), "ranked by deals, then turnover");

        var anonymous = fx.Anonymous();
        (await anonymous.GetPageAsync($"/carriers/ranking?year={year}")).QuerySelector("#ranking-table").Should().BeNull();
        await bureau.PostFormAsync($"/carriers/ranking/{year}/confirm", [], $"/carriers/ranking?year={year}");
        var published = await anonymous.GetPageAsync($"/carriers/ranking?year={year}");
        published.QuerySelector("#ranking-table tbody tr")!.TextContent.Should().Contain(rows[0].Name, "the confirmed ranking is the one the bureau saw");
        published.QuerySelectorAll("#ranking-table a").Should().BeEmpty("the public sees the figures, not the contracts behind them");

        // The drill-down: the agency and the bureau see the contracts behind the figure; the one outside Anqing is listed, not counted.
        var agencyId = await fx.WithDbAsync((db, _) => db.Carriers.Where(c => c.Name == "安庆皖江技术转移中心").Select(c => c.Id).SingleAsync());
        var deals = await (await fx.As("agency.a")).GetPageAsync($"/carriers/ranking/{year}/agencies/{agencyId}");
        var lines = deals.QuerySelectorAll("#deal-table tbody tr").Select(r => r.TextContent).ToList();
        lines.Should().HaveCount(before.Deals + 2, "last year's and the unregistered contract are not this year's deals");
        lines.Single(l => l.Contains("买方在合肥")).Should().Contain("否");
        (await (await fx.As("univ.aqnu")).GetAsync($"/carriers/ranking/{year}/agencies/{agencyId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_county_registers_carriers_of_its_region_only_and_a_host_edits_only_its_own()
    {
        var county = await fx.As("county.huaining");
        var form = new Dictionary<string, string>
        {
            ["Name"] = "怀宁新材料众创空间", ["Type"] = "MakerSpace", ["Level"] = "Municipal", ["HostName"] = "安庆华宁新材料科技有限公司",
            ["HostCreditCode"] = "91340822MA2N00501" + "X", ["RegionCode"] = "340811", ["Status"] = "Cultivating",
        };
        var code = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆华宁新材料科技有限公司").Select(o => o.CreditCode).SingleAsync());
        form["HostCreditCode"] = code;
        (await county.PostFormAsync("/carriers/new", form, "/carriers/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var carrier = await fx.WithDbAsync((db, _) => db.Carriers.AsNoTracking().SingleAsync(c => c.Name == "怀宁新材料众创空间"));
        carrier.RegionCode.Should().Be("340822", "a county registers in its own region whatever the form says");
        carrier.OrganizationId.Should().NotBeEmpty("the host is linked by credit code");

        var profile = new Dictionary<string, string> { ["contactName"] = "冯经理", ["capabilities"] = "提供共享实验室", ["version"] = carrier.Version.ToString() };
        (await (await fx.As("ent.b")).PostFormAsync($"/carriers/{carrier.Id}/profile", profile, $"/carriers/{carrier.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("county.huaining")).PostFormAsync($"/carriers/{carrier.Id}/profile", profile, $"/carriers/{carrier.Id}")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the county keeps the record; the profile is the host's");
        await (await fx.As("ent.a")).PostFormAsync($"/carriers/{carrier.Id}/profile", profile, $"/carriers/{carrier.Id}");
        (await fx.Anonymous().GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector("#capabilities")!.TextContent.Should().Be("提供共享实验室");

        var fresh = await fx.WithDbAsync((db, _) => db.Carriers.AsNoTracking().SingleAsync(c => c.Id == carrier.Id));
        (await (await fx.As("county.qianshan")).PostFormAsync($"/carriers/{carrier.Id}/revoke", new() { ["reason"] = "x", ["version"] = fresh.Version.ToString() },
            $"/carriers/{carrier.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "another county does not keep this record");
        await county.PostFormAsync($"/carriers/{carrier.Id}/revoke", new() { ["reason"] = "未按期建成", ["version"] = fresh.Version.ToString() }, $"/carriers/{carrier.Id}");
        (await fx.Anonymous().GetAsync($"/carriers/{carrier.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a revoked carrier leaves the public catalogue");
        (await county.GetAsync($"/carriers/{carrier.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_applies_for_recognition_files_its_report_and_the_bureau_decides_and_assesses()
    {
        var pilot = await fx.WithDbAsync((db, _) => db.Carriers.AsNoTracking().SingleAsync(c => c.Name == "安庆化工新材料中试基地"));
        var host = await fx.As("univ.buct");
        await host.PostFormAsync($"/carriers/{pilot.Id}/recognitions", new() { ["level"] = "Municipal", ["statement"] = "建成中试线3条" }, $"/carriers/{pilot.Id}");
        var application = await fx.WithDbAsync((db, _) => db.RecognitionApplications.AsNoTracking().SingleAsync(a => a.CarrierId == pilot.Id));
        (await (await fx.As("univ.aqnu")).GetPageAsync($"/carriers/{pilot.Id}")).QuerySelector("#recognitions").Should().BeNull("another host sees the public page only");
        await (await fx.As("bureau")).PostFormAsync($"/carriers/recognitions/{application.Id}/decide",
            new() { ["approve"] = "true", ["reason"] = "符合条件", ["batch"] = "第二批", ["version"] = application.Version.ToString() }, $"/carriers/{pilot.Id}");
        (await fx.WithDbAsync((db, _) => db.RecognitionApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).Status.Should().Be(RecognitionStatus.Approved);

        var year = fx.Clock.GetUtcNow().ToOffset(Beijing).Year - 1;
        var indicators = PerformanceReport.IndicatorsFor(CarrierType.PilotBaseIndustry).ToDictionary(n => $"indicators[{n}]", _ => "7");
        var missing = new Dictionary<string, string>(indicators) { ["year"] = year.ToString() };
        missing.Remove(missing.Keys.First());
        await host.PostFormAsync($"/carriers/{pilot.Id}/reports", missing, $"/carriers/{pilot.Id}");
        (await host.GetPageAsync($"/carriers/{pilot.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("请填写：中试验证次数");
        await host.PostFormAsync($"/carriers/{pilot.Id}/reports", new Dictionary<string, string>(indicators) { ["year"] = year.ToString(), ["summary"] = "运行良好" },
            $"/carriers/{pilot.Id}");
        var report = await fx.WithDbAsync((db, _) => db.PerformanceReports.AsNoTracking().SingleAsync(r => r.CarrierId == pilot.Id));
        report.Indicators.Should().HaveCount(4);
        await (await fx.As("bureau")).PostFormAsync($"/carriers/reports/{report.Id}/assess", new() { ["assessment"] = "Excellent", ["version"] = report.Version.ToString() },
            $"/carriers/{pilot.Id}");
        (await fx.WithDbAsync((db, _) => db.PerformanceReports.AsNoTracking().SingleAsync(r => r.Id == report.Id))).Assessment.Should().Be(Assessment.Excellent);
    }

    [Fact]
    public async Task A_pilot_service_is_requested_by_an_enterprise_and_completed_by_the_base_only()
    {
        var service = await fx.WithDbAsync((db, _) => db.PilotServices.AsNoTracking().SingleAsync(s => s.Title == "催化材料百公斤级放大"));
        (await (await fx.As("univ.aqnu")).PostFormAsync($"/carriers/services/{service.Id}/requests", new() { ["need"] = "x" }, "/carriers/services"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "enterprises request services");
        await (await fx.As("ent.a")).PostFormAsync($"/carriers/services/{service.Id}/requests", new() { ["need"] = "催化剂百公斤级放大验证" }, "/carriers/services");
        var request = await fx.WithDbAsync((db, _) => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.ServiceId == service.Id));
        (await (await fx.As("ent.b")).GetPageAsync("/carriers/requests")).QuerySelector("#request-table")!.TextContent.Should().NotContain("催化剂百公斤级放大验证");
        (await (await fx.As("ent.a")).PostFormAsync($"/carriers/requests/{request.Id}/answer", new() { ["accept"] = "true", ["version"] = request.Version.ToString() },
            "/carriers/requests")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the requester does not answer its own request");
        var buct = await fx.As("univ.buct");
        await buct.PostFormAsync($"/carriers/requests/{request.Id}/answer", new() { ["accept"] = "true", ["reply"] = "下周进场", ["version"] = request.Version.ToString() },
            "/carriers/requests");
        var accepted = await fx.WithDbAsync((db, _) => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        await buct.PostFormAsync($"/carriers/requests/{request.Id}/complete", new() { ["outcome"] = "完成3批次放大，收率92%", ["version"] = accepted.Version.ToString() },
            "/carriers/requests");
        (await fx.WithDbAsync((db, _) => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).Status.Should().Be(ServiceRequestStatus.Completed);
    }
}
