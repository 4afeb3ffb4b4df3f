using System.Net;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Features.Finance.RiskPool;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Finance;

/// <summary>The fund's share over every investment of the period; the yearly lock of the banks' figures; suspension when the figures are saved.</summary>
public class FundAndFiguresTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_early_stage_share_counts_every_investment_of_the_period_past_500()
    {
        // 2024: 520 early-stage investments of 10 (the most recent) and 80 growth-stage ones of 100 (older). Over the 500 most
        // recent alone the share would be 100 %; over the year it is 5,200 of 13,200. 2025 holds one more early investment.
        var investments = Enumerable.Range(0, 520)
            .Select(i => new FundInvestment(Guid.NewGuid(), $"初创项目{i}", $"初创企业{i}", "", InvestmentStage.Early, 10, new DateOnly(2024, 7, 1).AddDays(i % 150)))
            .Concat(Enumerable.Range(0, 80)
                .Select(i => new FundInvestment(Guid.NewGuid(), $"成长项目{i}", $"成长企业{i}", "", InvestmentStage.Growth, 100, new DateOnly(2024, 1, 1).AddDays(i))))
            .Append(new FundInvestment(Guid.NewGuid(), "2025年项目", "丙企业", "", InvestmentStage.Early, 10000, new DateOnly(2025, 3, 1)))
            .ToList();
        await fx.WithDbAsync(async (db, _) =>
        {
            db.FundInvestments.AddRange(investments);
            return await db.SaveChangesAsync();
        });

        // Hand count: 2024 → 600 investments, 13,200 of which 5,200 early (39.4 %); 2025 → one early investment of 10,000.
        var year2024 = investments.Where(i => i.On.Year == 2024).ToList();
        year2024.Should().HaveCount(600);
        (year2024.Where(i => i.Stage == InvestmentStage.Early).Sum(i => i.Amount) / year2024.Sum(i => i.Amount)).Should().BeApproximately(0.3939m, 0.0001m);

        var bureau = await fx.As("bureau");
        var page = await bureau.GetPageAsync("/finance/fund?year=2024");
        page.QuerySelector("#early-share")!.TextContent.Should().Contain("2024年度投资 600 笔").And.Contain("13,200").And.Contain("5,200").And.Contain("39.4%")
            .And.Contain("低于50%");
        page.QuerySelectorAll("#fund-table tbody tr").Should().HaveCount(FundView.Listed, "the table lists the most recent; the share counts all");
        page.QuerySelector("#fund-listed")!.TextContent.Should().Contain("共 600 笔");

        // Another period counts only its own; all years (no other test of this class adds to 2024 or 2025) count both.
        (await bureau.GetPageAsync("/finance/fund?year=2025")).QuerySelector("#early-share")!.TextContent.Should().Contain("2025年度投资 1 笔").And.Contain("10,000")
            .And.Contain("100.0%");
        (await bureau.GetPageAsync("/finance/fund")).QuerySelector("#early-share")!.TextContent.Should().Contain("累计投资");
        (await bureau.GetAsync("/finance/fund?year=99999")).StatusCode.Should().Be(HttpStatusCode.OK, "a year out of range reads as all years, never a 500");
    }

    [Fact]
    public async Task Once_the_bureau_locks_a_year_a_bank_can_no_longer_report_or_correct_it()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;
        var bank = await fx.As("bank.a");
        await bank.PostFormAsync("/finance/figures", new() { ["year"] = year.ToString(), ["techLoans"] = "8000", ["creditLoans"] = "2000" }, "/finance/figures");

        (await bank.PostFormAsync($"/finance/figures/{year}/lock", new(), "/finance/figures")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the bureau locks");
        var bureau = await fx.As("bureau");
        (await bureau.GetPageAsync($"/finance/figures?year={year}")).QuerySelector("#lock-form").Should().NotBeNull();
        await bureau.PostFormAsync($"/finance/figures/{year}/lock", new(), $"/finance/figures?year={year}");
        var locked = await fx.WithDbAsync((db, _) => db.BankFiguresLocks.AsNoTracking().SingleAsync(l => l.Year == year));
        locked.LockedBy.Should().NotBeEmpty();

        await bank.PostFormAsync("/finance/figures", new() { ["year"] = year.ToString(), ["techLoans"] = "9000", ["creditLoans"] = "2000" }, "/finance/figures");
        var page = await bank.GetPageAsync($"/finance/figures?year={year}");
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain($"{year}年度数据已由市科技局锁定");
        page.QuerySelector("#figures-lock").Should().NotBeNull();
        page.QuerySelector("#figures-form").Should().BeNull("a locked year has no report form");
        (await fx.WithDbAsync((db, _) => db.BankYearFigures.AsNoTracking().SingleAsync(f => f.Year == year))).TechLoans.Should().Be(8000, "the locked figures stay");

        // A second lock is refused in Chinese; the current year stays open.
        await bureau.PostFormAsync($"/finance/figures/{year}/lock", new(), $"/finance/figures?year={year}");
        (await bureau.GetPageAsync($"/finance/figures?year={year}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("已锁定");
        await bank.PostFormAsync("/finance/figures", new() { ["year"] = (year + 1).ToString(), ["techLoans"] = "100" }, "/finance/figures");
        (await fx.WithDbAsync((db, _) => db.BankYearFigures.CountAsync(f => f.Year == year + 1))).Should().Be(1);
    }

    [Fact]
    public async Task A_default_the_bank_records_suspends_its_cooperation_at_once_above_the_threshold()
    {
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);
        var (agreementId, loanId) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var bankA = await db.Organizations.SingleAsync(o => o.Name == "安庆示范农商银行科技支行");
            var ent = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var agreement = CooperationAgreement.Sign(bankA.Id, bankA.Name, today.AddYears(-1), today.AddYears(2), 0.5m, 1000, 0.3m, now);
            var product = LoanProduct.Create(bankA.Id, bankA.Name, "暂停测试贷", LoanKind.Research, 3, 4, 10, 1000, 12, Qualifications.None, "", now);
            var loans = Enumerable.Range(0, 2).Select(_ =>
            {
                var loan = LoanApplication.Apply(product, ent.Id, ent.Name, ent.CreditCode, ent.RegionCode, Qualifications.None, 100, "研发", now);
                loan.Decide(product, true, 100, 3.5m, null);
                loan.Disburse(today.AddMonths(-6));
                return loan;
            }).ToList();
            db.AddRange(agreement, product);
            db.AddRange(loans);
            await db.SaveChangesAsync();
            return (agreement.Id, loans[0].Id);
        });

        var loanVersion = await fx.WithDbAsync((db, _) => db.LoanApplications.Where(l => l.Id == loanId).Select(l => l.Version).SingleAsync());
        var bank = await fx.As("bank.a");
        await bank.PostFormAsync($"/finance/applications/{loanId}/default", new() { ["reason"] = "逾期90天", ["version"] = loanVersion.ToString() }, "/finance/applications");

        // 100 of the 200 still owed is overdue: 50 % is above the 30 % threshold, suspended without the bureau's 核查.
        var agreement = await fx.WithDbAsync((db, _) => db.PoolAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId));
        agreement.Suspended.Should().BeTrue();
        agreement.SuspensionReason.Should().Contain("超过暂停阈值");
        (await (await fx.As("bureau")).GetPageAsync("/finance/pool")).QuerySelector("#agreement-table")!.TextContent.Should().Contain("已暂停");
    }

    [Fact]
    public async Task The_bureau_corrects_an_investment_with_a_reason_and_the_regulator_reads_the_history()
    {
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync("/finance/fund", new() { ["project"] = "更正测试项目", ["enterpriseName"] = "丁公司", ["stage"] = "Early", ["amount"] = "300" }, "/finance/fund");
        var investment = await fx.WithDbAsync((db, _) => db.FundInvestments.AsNoTracking().SingleAsync(i => i.Project == "更正测试项目"));
        var url = $"/finance/fund/{investment.Id}";
        Dictionary<string, string> Form(string reason, string amount, uint version) => new()
        {
            ["project"] = "更正测试项目", ["enterpriseName"] = "丁公司", ["creditCode"] = "", ["stage"] = "Growth", ["amount"] = amount,
            ["on"] = investment.On.ToString("yyyy-MM-dd"), ["reason"] = reason, ["version"] = version.ToString(),
        };

        await bureau.PostFormAsync($"{url}/correct", Form(" ", "350", investment.Version), url);
        (await bureau.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("请填写更正原因");
        await bureau.PostFormAsync($"{url}/correct", Form("投决会纪要：实为成长期", "350", investment.Version), url);
        var corrected = await fx.WithDbAsync((db, _) => db.FundInvestments.AsNoTracking().SingleAsync(i => i.Id == investment.Id));
        (corrected.Stage, corrected.Amount).Should().Be((InvestmentStage.Growth, 350m));
        corrected.Corrections.Should().ContainSingle().Which.Changes.Should().Be("阶段：初创期 → 成长期；金额（万元）：300 → 350");

        // A correction on the version read before is refused, not overwritten.
        var stale = await bureau.PostFormAsync($"{url}/correct", Form("再次更正", "360", investment.Version), url);
        stale.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        (await fx.WithDbAsync((db, _) => db.FundInvestments.AsNoTracking().SingleAsync(i => i.Id == investment.Id))).Amount.Should().Be(350);

        var regulator = await fx.As("dept.jrj");
        var page = await regulator.GetPageAsync(url);
        page.QuerySelector("#corrections-table")!.TextContent.Should().Contain("投决会纪要：实为成长期").And.Contain("300 → 350").And.Contain("张科员");
        page.QuerySelector("#correct-form").Should().BeNull("the regulator reads");
        (await regulator.GetPageAsync("/finance/fund")).QuerySelector("#fund-form").Should().BeNull();
        (await regulator.GetPageAsync("/finance/figures")).QuerySelector("#lock-form").Should().BeNull();
        (await regulator.PostFormAsync($"{url}/correct", Form("越权", "1", corrected.Version), url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("dept.jxj")).GetAsync("/finance/fund")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "another department has no finance pages");
    }
}
