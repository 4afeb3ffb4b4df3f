using System.Net;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Features.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

public class SupervisionTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private Task<PlanMeasure> MeasureAsync(int number) => fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().SingleAsync(m => m.Number == number));

    private string LastQuarter => ReportingPeriod.LastEnded(DateOnly.FromDateTime(fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime)).Code;

    [Fact]
    public async Task The_plan_measures_are_seeded_with_their_lead_units()
    {
        var measures = await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().OrderBy(m => m.Number).ToListAsync());
        measures.Should().HaveCount(49, "every measure of the plan (docs/plan/action-plan.txt)");
        measures.Single(m => m.Number == 45).LeadUnits.Should().Be("市财政局");
        measures.Single(m => m.Number == 45).LeadOrganizationIds.Should().ContainSingle("市财政局 is created on the portal (no users) to lead its measure");
        measures.Single(m => m.Number == 38).LeadUnits.Should().Contain("市场监管局");
        measures.Single(m => m.Number == 38).LeadOrganizationIds.Should().ContainSingle("the market supervision bureau is on the portal");
        measures.Single(m => m.Number == 3).LeadRegionCodes.Should().HaveCount(12, "every county and both parks lead it");
    }

    [Fact]
    public async Task A_county_files_its_progress_the_bureau_asks_for_more_accepts_the_revision_and_marks_the_measure_done()
    {
        var measure = await MeasureAsync(3);
        var bureau = await fx.As("bureau");
        var lateBefore = (await bureau.GetPageAsync("/supervision")).QuerySelectorAll("#measure-table tbody tr").First(r => r.QuerySelector("a")!.GetAttribute("href") == $"/supervision/{measure.Id}")
            .QuerySelector(".late")!.TextContent;
        lateBefore.Should().Contain("12 个单位逾期未报", "the last quarter's reports were due ten days after it ended");

        (await (await fx.As("dept.jxj")).PostFormAsync($"/supervision/{measure.Id}/reports", new() { ["period"] = LastQuarter, ["progress"] = "不是牵头单位" }, $"/supervision"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the economy bureau does not lead measure 3");
        var huaining = await fx.As("county.huaining");
        bool MineLate(AngleSharp.Html.Dom.IHtmlDocument board) => board.QuerySelectorAll("#measure-table tbody tr")
            .First(r => r.QuerySelector("a")!.GetAttribute("href") == $"/supervision/{measure.Id}").QuerySelector(".mine-late") is not null;
        MineLate(await huaining.GetPageAsync("/supervision?mine=true")).Should().BeTrue("怀宁县 has not reported the last quarter");
        (await huaining.PostFormAsync($"/supervision/{measure.Id}/reports", new() { ["period"] = LastQuarter, ["progress"] = "" }, $"/supervision/{measure.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.MeasureReports.CountAsync(r => r.MeasureId == measure.Id))).Should().Be(0, "a report without progress is refused");
        await huaining.PostFormAsync($"/supervision/{measure.Id}/reports", new()
        {
            ["period"] = LastQuarter, ["progress"] = "县财政科技支出同比增长12%。", ["figureName"] = "财政科技支出", ["figureValue"] = "3200", ["figureUnit"] = "万元",
        }, $"/supervision/{measure.Id}");
        var report = await fx.WithDbAsync((db, _) => db.MeasureReports.AsNoTracking().SingleAsync(r => r.MeasureId == measure.Id));
        report.Figures.Should().ContainSingle().Which.Value.Should().Be(3200);
        MineLate(await huaining.GetPageAsync("/supervision?mine=true")).Should().BeFalse();
        (await bureau.GetPageAsync("/supervision")).QuerySelectorAll("#measure-table tbody tr").First(r => r.QuerySelector("a")!.GetAttribute("href") == $"/supervision/{measure.Id}")
            .QuerySelector(".late")!.TextContent.Should().Contain("11 个单位逾期未报");

        (await (await fx.As("county.qianshan")).PostFormAsync($"/supervision/reports/{report.Id}/revise", new() { ["version"] = report.Version.ToString(), ["progress"] = "篡改" },
            "/supervision")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county does not find 怀宁县's report");
        (await (await fx.As("county.qianshan")).GetPageAsync($"/supervision/{measure.Id}")).QuerySelector("#measure-reports")!.TextContent.Should().NotContain("同比增长12%");

        await bureau.PostFormAsync($"/supervision/reports/{report.Id}/ask", new() { ["version"] = report.Version.ToString(), ["note"] = "请补充研发投入强度" }, $"/supervision/{measure.Id}");
        report = await fx.WithDbAsync((db, _) => db.MeasureReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        report.Status.Should().Be(MeasureReportStatus.MoreRequested);
        await huaining.PostFormAsync($"/supervision/reports/{report.Id}/revise", new()
        {
            ["version"] = report.Version.ToString(), ["progress"] = "县财政科技支出同比增长12%，研发投入强度2.1%。", ["figureName"] = "财政科技支出", ["figureValue"] = "3200", ["figureUnit"] = "万元",
        }, $"/supervision/{measure.Id}");
        report = await fx.WithDbAsync((db, _) => db.MeasureReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        report.Status.Should().Be(MeasureReportStatus.Submitted);
        report.Progress.Should().Contain("2.1%");
        await bureau.PostFormAsync($"/supervision/reports/{report.Id}/accept", new() { ["version"] = report.Version.ToString() }, $"/supervision/{measure.Id}");

        var stale = measure.Version;
        await bureau.PostFormAsync($"/supervision/{measure.Id}/done", new() { ["version"] = stale.ToString(), ["conclusion"] = "各地财政科技投入持续增加" }, $"/supervision/{measure.Id}");
        var done = await MeasureAsync(3);
        done.Status.Should().Be(MeasureStatus.Done);
        done.Conclusion.Should().Be("各地财政科技投入持续增加");
        (await bureau.PostFormAsync($"/supervision/{measure.Id}/reopen", new() { ["version"] = stale.ToString(), ["reason"] = "旧页面" }, $"/supervision/{measure.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await MeasureAsync(3)).Status.Should().Be(MeasureStatus.Done, "a decision from a stale page is refused, not overwritten");
        (await (await fx.As("ent.a")).GetAsync("/supervision")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_market_supervision_bureau_lists_an_infringer_who_is_then_refused_loans_and_fails_the_formal_check_until_its_credit_is_repaired()
    {
        var entB = await fx.WithDbAsync((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "潜山舒源生物医药有限公司"));
        var scj = await fx.As("dept.scj");
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var form = new Dictionary<string, string>
        {
            ["EnterpriseName"] = entB.Name, ["CreditCode"] = "123", ["Kind"] = "Wilful", ["Right"] = "Patent", ["DecisionNumber"] = "皖08民初12号",
            ["Authority"] = "安庆市中级人民法院", ["DecidedOn"] = today.AddDays(-5).ToString("yyyy-MM-dd"), ["PublishFrom"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["PublishUntil"] = today.AddYears(2).ToString("yyyy-MM-dd"),
        };
        var refused = await scj.PostFormAsync("/infringers/new", form, "/infringers/new");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=CreditCode]")!.TextContent.Should().NotBeEmpty("the message stands next to the field");
        page.QuerySelector("#EnterpriseName")!.GetAttribute("value").Should().Be(entB.Name, "nothing typed is lost");
        (await (await fx.As("dept.jxj")).PostFormAsync("/infringers/new", form, "/infringers")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        form["CreditCode"] = entB.CreditCode;
        await scj.PostFormAsync("/infringers/new", form, "/infringers/new");
        var entry = await fx.WithDbAsync((db, _) => db.InfringerEntries.AsNoTracking().SingleAsync(e => e.CreditCode == entB.CreditCode));
        (await fx.Anonymous().GetPageAsync("/infringers")).QuerySelector("#infringer-table")!.TextContent.Should().Contain(entB.Name);

        var product = await fx.WithDbAsync(async (db, _) =>
        {
            var bank = await db.Organizations.SingleAsync(o => o.Name == "安庆示范农商银行科技支行");
            var created = Domain.Finance.LoanProduct.Create(bank.Id, bank.Name, "侵权测试贷", Domain.Finance.LoanKind.Research, 3, 4, 10, 500, 12,
                Domain.Finance.Qualifications.None, "", fx.Clock.GetUtcNow());
            db.LoanProducts.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        var entBClient = await fx.As("ent.b");
        await entBClient.PostFormAsync($"/finance/products/{product.Id}/applications", new() { ["amount"] = product.AmountMin.ToString(), ["purpose"] = "研发" },
            $"/finance/products/{product.Id}");
        (await entBClient.GetPageAsync($"/finance/products/{product.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("侵权企业名录");
        (await fx.WithDbAsync((db, _) => db.LoanApplications.CountAsync(a => a.OrganizationId == entB.Id))).Should().Be(0);

        var failures = await FormalCheckAsync(entB);
        failures.Should().Contain(f => f.Rule == FormalCheckRule.Infringer);

        await scj.PostFormAsync($"/infringers/{entry.Id}/take-off", new() { ["outcome"] = "CreditRepaired", ["reason"] = "已履行判决并完成信用修复", ["version"] = entry.Version.ToString() },
            "/infringers/manage");
        (await fx.WithDbAsync((db, _) => db.InfringerEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id))).Listing.Should().Be(InfringerListing.CreditRepaired);
        (await fx.Anonymous().GetPageAsync("/infringers")).QuerySelector("#infringer-table")!.TextContent.Should().NotContain(entB.Name);
        (await FormalCheckAsync(entB)).Should().NotContain(f => f.Rule == FormalCheckRule.Infringer);
    }

    private Task<IReadOnlyList<FormalCheckFailure>> FormalCheckAsync(Domain.Organizations.Organization org) => fx.WithDbAsync(async (db, sp) =>
    {
        // A programme of its own, open to anyone (the demo's programmes include a 定向委托 one that only its unit may apply to).
        var programme = (await db.Programmes.AsNoTracking().ToListAsync()).FirstOrDefault(p => p.Terms.Name == "侵权测试专项");
        var now = fx.Clock.GetUtcNow();
        if (programme is null)
        {
            var call = Call.Draft(2031, "侵权测试指南", now);
            call.AddProgramme(new ProgrammeTerms("侵权测试专项", FundingMode.PostSubsidy, 500m, now, now.AddDays(30), 1, 2, true, [], null, 100m) { SubsidyRate = 0.3m }, now);
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
            programme = call.Programmes[0];
        }

        var application = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, true, null, now);
        return await sp.GetRequiredService<FormalCheckHandler>().EvaluateAsync(application, CancellationToken.None);
    });

    [Fact]
    public async Task A_university_files_its_yearly_report_prefilled_from_its_contracts_and_the_bureau_returns_then_accepts_it_into_the_city_summary()
    {
        var aqnu = await fx.As("univ.aqnu");
        var aqnuId = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆师范大学").Select(o => o.Id).SingleAsync());
        var expected = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking()
            .Where(c => c.SellerOrganizationId == aqnuId && c.Status == Domain.Contracts.ContractStatus.Registered
                && c.RegisteredAt >= new DateTimeOffset(2023, 12, 31, 16, 0, 0, TimeSpan.Zero) && c.RegisteredAt < new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero))
            .Select(c => new { c.Type, c.ContractAmount }).ToListAsync());
        var started = await aqnu.PostFormAsync("/reports", new() { ["year"] = "2024" }, "/reports");
        $"{(int)started.StatusCode} {started.Headers.Location}".Should().StartWith("302 /reports/");
        var report = await fx.WithDbAsync((db, _) => db.TransferReports.AsNoTracking().SingleAsync(r => r.OrganizationId == aqnuId && r.Year == 2024));
        report.PortalFigures.Contracts.Should().Be(expected.Count(c => c.Type != Domain.Contracts.TechContractType.Licence));
        report.PortalFigures.ContractIncome.Should().Be(expected.Where(c => c.Type != Domain.Contracts.TechContractType.Licence).Sum(c => c.ContractAmount));
        report.PortalFigures.Licences.Should().Be(expected.Count(c => c.Type == Domain.Contracts.TechContractType.Licence));

        (await (await fx.As("univ.buct")).GetAsync($"/reports/{report.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var fields = new Dictionary<string, string>
        {
            ["version"] = report.Version.ToString(), ["ResultsTransferred"] = "3", ["Contracts"] = "5", ["ContractIncome"] = "100", ["Licences"] = "1", ["LicenceIncome"] = "20",
            ["EquityDeals"] = "0", ["EquityValue"] = "0", ["ResearcherRewards"] = "500", ["SpinOffs"] = "1", ["Narrative"] = "年度转化情况良好", ["submit"] = "true",
        };
        var bad = await aqnu.PostFormAsync($"/reports/{report.Id}", fields, $"/reports/{report.Id}");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var badPage = PortalClient.Parse(await bad.Content.ReadAsStringAsync());
        badPage.QuerySelector("[data-valmsg-for=ResearcherRewards]")!.TextContent.Should().Contain("不能超过转化收入");
        badPage.QuerySelector("#Narrative")!.TextContent.Should().Be("年度转化情况良好", "nothing typed is lost");
        (await fx.WithDbAsync((db, _) => db.TransferReports.AsNoTracking().SingleAsync(r => r.Id == report.Id))).Status.Should().Be(TransferReportStatus.Draft);

        fields["ResearcherRewards"] = "40";
        await aqnu.PostFormAsync($"/reports/{report.Id}", fields, $"/reports/{report.Id}");
        report = await fx.WithDbAsync((db, _) => db.TransferReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        report.Status.Should().Be(TransferReportStatus.Submitted);
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/reports/{report.Id}/return", new() { ["version"] = report.Version.ToString(), ["note"] = "请补充衍生企业名称" }, $"/reports/{report.Id}");
        report = await fx.WithDbAsync((db, _) => db.TransferReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        report.Status.Should().Be(TransferReportStatus.Returned);
        fields["version"] = report.Version.ToString();
        fields["Narrative"] = "年度转化情况良好，衍生企业：安庆某新材料公司";
        await aqnu.PostFormAsync($"/reports/{report.Id}", fields, $"/reports/{report.Id}");
        report = await fx.WithDbAsync((db, _) => db.TransferReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        await bureau.PostFormAsync($"/reports/{report.Id}/accept", new() { ["version"] = report.Version.ToString() }, $"/reports/{report.Id}");

        var summary = await bureau.GetPageAsync("/reports/summary?year=2024");
        summary.QuerySelector("#summary-total")!.TextContent.Should().Contain("100").And.Contain("40");
        (await (await fx.As("univ.aqnu")).GetAsync("/reports/summary")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_bureau_publishes_a_publicity_with_a_file_the_public_reads_and_objects_within_its_working_days_and_a_withdrawn_notice_is_gone()
    {
        var bureau = await fx.As("bureau");
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var response = await bureau.PostMultipartAsync("/notices/new", new()
        {
            ["Kind"] = "Publicity", ["Title"] = "2026年度市级科技企业孵化器认定结果公示", ["Body"] = "拟认定以下孵化器。", ["StartsOn"] = today.ToString("yyyy-MM-dd"), ["WorkingDays"] = "5",
        }, ("File", "名单.pdf", "%PDF-1.4\n%公示名单\n"u8.ToArray()), "/notices/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var notice = await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Title == "2026年度市级科技企业孵化器认定结果公示"));
        var window = Enumerable.Range(0, notice.EndsOn!.Value.DayNumber - today.DayNumber + 1).Select(today.AddDays).ToList();
        window.Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Should().BeGreaterThanOrEqualTo(5, "five working days, weekends not counted");
        notice.EndsOn.Value.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);

        var visitor = fx.Anonymous();
        (await visitor.GetPageAsync("/")).QuerySelector("#home-notices")!.TextContent.Should().Contain("孵化器认定结果公示");
        var page = await visitor.GetPageAsync($"/notices/{notice.Id}");
        var link = page.QuerySelector("#notice-files a")!.GetAttribute("href")!;
        var file = await visitor.GetAsync(link);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");

        await visitor.PostFormAsync($"/notices/{notice.Id}/objections", new() { ["from"] = "某孵化器 0556-1234567", ["text"] = "场地面积不实" }, $"/notices/{notice.Id}");
        (await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Id == notice.Id))).Objections.Should().ContainSingle();

        fx.Clock.Advance(TimeSpan.FromDays(12));
        try
        {
            await visitor.PostFormAsync($"/notices/{notice.Id}/objections", new() { ["from"] = "某人", ["text"] = "迟到的异议" }, "/account/login");
            (await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Id == notice.Id))).Objections.Should().ContainSingle("the window has closed");
        }
        finally
        {
            fx.Clock.Advance(TimeSpan.FromDays(-12));
        }

        var current = await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        (await (await fx.As("dept.jxj")).PostFormAsync($"/notices/{notice.Id}/withdraw", new() { ["version"] = current.Version.ToString(), ["reason"] = "x" }, "/notices"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await bureau.PostFormAsync($"/notices/{notice.Id}/withdraw", new() { ["version"] = current.Version.ToString(), ["reason"] = "名单有误，重新公示" }, $"/notices/{notice.Id}");
        (await visitor.GetAsync($"/notices/{notice.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.GetPageAsync("/notices")).QuerySelector("#notice-list")!.TextContent.Should().NotContain("孵化器认定结果公示");
    }
}
