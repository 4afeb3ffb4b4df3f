using System.Net;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Finance;

public class PoolTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_bank_claims_on_a_defaulted_loan_the_bureau_approves_recoveries_return_pro_rata_and_another_bank_sees_nothing()
    {
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);
        var bureau = await fx.As("bureau");
        var bankA = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆示范农商银行科技支行").Select(o => o.Id).SingleAsync());
        await bureau.PostFormAsync("/finance/pool/agreements", new()
        {
            ["bankId"] = bankA.ToString(), ["from"] = today.AddYears(-1).ToString("yyyy-MM-dd"), ["to"] = today.AddYears(2).ToString("yyyy-MM-dd"),
            ["poolShare"] = "50", ["cap"] = "1000", ["nplThreshold"] = "50",
        }, "/finance/pool");
        var agreement = await fx.WithDbAsync((db, _) => db.PoolAgreements.AsNoTracking().SingleAsync(a => a.BankOrganizationId == bankA));

        // A defaulted loan of bank A (200 of 300 still owed), and another bank's claim bank A must never see.
        var (loanId, otherClaim) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var product = LoanProduct.Create(bankA, "安庆示范农商银行科技支行", "补偿测试贷", LoanKind.Research, 3, 4, 10, 1000, 12, Qualifications.None, "", now);
            var loan = LoanApplication.Apply(product, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, Qualifications.None, 300, "研发", now);
            loan.Decide(product, true, 300, 3.5m, null);
            loan.Disburse(today.AddMonths(-6));
            loan.Repay(today.AddMonths(-3), 100);
            loan.MarkDefault("逾期90天");
            var otherBank = Organization.Create(OrganizationKind.Bank, "安庆另一银行科技支行", CreditCode.Complete("91340802MA2N00902"), "340802", now, OrganizationStatus.Active);
            var otherAgreement = CooperationAgreement.Sign(otherBank.Id, otherBank.Name, today.AddYears(-1), today.AddYears(2), 0.5m, 100, 0.05m, now);
            var otherProduct = LoanProduct.Create(otherBank.Id, otherBank.Name, "另一银行贷", LoanKind.Research, 3, 4, 10, 1000, 12, Qualifications.None, "", now);
            var otherLoan = LoanApplication.Apply(otherProduct, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, Qualifications.None, 100, "研发", now);
            otherLoan.Decide(otherProduct, true, 100, 3.5m, null);
            otherLoan.Disburse(today.AddMonths(-6));
            otherLoan.MarkDefault("逾期");
            var claim = CompensationClaim.File(otherAgreement, otherLoan, 0, "另一银行的补偿申请", today, today.AddDays(30), now);
            db.AddRange(otherBank, otherAgreement, product, loan, otherProduct, otherLoan, claim);
            await db.SaveChangesAsync();
            return (loan.Id, claim.Id);
        });

        var bank = await fx.As("bank.a");
        (await bank.GetPageAsync("/finance/pool")).QuerySelector("#claim-table")!.TextContent.Should().NotContain("另一银行的补偿申请");
        (await bank.PostFormAsync($"/finance/pool/claims/{otherClaim}/recoveries", new() { ["amount"] = "1", ["version"] = "0" }, "/finance/pool"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.a")).PostFormAsync("/finance/pool/claims", new() { ["loanId"] = loanId.ToString(), ["evidence"] = "x" }, "/finance/loans"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await bank.PostFormAsync("/finance/pool/claims", new() { ["loanId"] = loanId.ToString(), ["evidence"] = "起诉书（2026）皖0822民初1号" }, "/finance/pool");
        var claim = await fx.WithDbAsync((db, _) => db.PoolClaims.AsNoTracking().SingleAsync(c => c.LoanId == loanId));
        claim.Requested.Should().Be(100, "half of the 200 overdue");
        claim.DueBy.Should().BeAfter(today.AddDays(25), "25 working days are more than 25 calendar days");

        await bureau.PostFormAsync($"/finance/pool/claims/{claim.Id}/decide", new() { ["approve"] = "true", ["amount"] = "100", ["reason"] = "材料齐全", ["version"] = claim.Version.ToString() },
            "/finance/pool");
        var approved = await fx.WithDbAsync((db, _) => db.PoolClaims.AsNoTracking().SingleAsync(c => c.Id == claim.Id));
        approved.Status.Should().Be(ClaimStatus.Approved);
        await bank.PostFormAsync($"/finance/pool/claims/{claim.Id}/recoveries", new() { ["amount"] = "60", ["version"] = approved.Version.ToString() }, "/finance/pool");
        (await fx.WithDbAsync((db, _) => db.PoolClaims.AsNoTracking().SingleAsync(c => c.Id == claim.Id))).ReturnedToPool.Should().Be(30);

        // All of the bank's outstanding principal (200) is overdue: above the 50 % threshold, the bank is suspended.
        await bureau.PostFormAsync($"/finance/pool/agreements/{agreement.Id}/review", new() { ["version"] = agreement.Version.ToString() }, "/finance/pool");
        (await fx.WithDbAsync((db, _) => db.PoolAgreements.AsNoTracking().SingleAsync(a => a.Id == agreement.Id))).Suspended.Should().BeTrue();
    }

    [Fact]
    public async Task The_guidance_fund_shows_the_early_stage_share_with_a_warning_below_half()
    {
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync("/finance/fund", new() { ["project"] = "光刻胶中试", ["enterpriseName"] = "甲公司", ["stage"] = "Early", ["amount"] = "400" }, "/finance/fund");
        await bureau.PostFormAsync("/finance/fund", new() { ["project"] = "锂电扩产", ["enterpriseName"] = "乙公司", ["stage"] = "Growth", ["amount"] = "600" }, "/finance/fund");
        var page = await (await fx.As("leader.city")).GetPageAsync("/finance/fund");
        page.QuerySelector("#early-share")!.TextContent.Should().Contain("40.0%").And.Contain("低于50%");
        page.QuerySelector("#fund-form").Should().BeNull("leaders read");
        (await (await fx.As("bank.a")).GetAsync("/finance/fund")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Banks_report_their_yearly_figures_and_the_bureau_compares_them_with_the_loans_on_the_portal()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var bank = await fx.As("bank.a");
        await bank.PostFormAsync("/finance/figures", new() { ["year"] = year.ToString(), ["techLoans"] = "100", ["creditLoans"] = "200" }, "/finance/figures");
        (await bank.GetPageAsync($"/finance/figures?year={year}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("不能大于科技贷款");
        await bank.PostFormAsync("/finance/figures", new() { ["year"] = year.ToString(), ["techLoans"] = "12000", ["creditLoans"] = "3000", ["insurance"] = "500" },
            "/finance/figures");
        await bank.PostFormAsync("/finance/figures", new() { ["year"] = year.ToString(), ["techLoans"] = "12500", ["creditLoans"] = "3000", ["insurance"] = "500" },
            "/finance/figures");
        (await fx.WithDbAsync((db, _) => db.BankYearFigures.CountAsync(f => f.Year == year))).Should().Be(1, "a second report corrects the first");
        var row = (await (await fx.As("bureau")).GetPageAsync($"/finance/figures?year={year}")).QuerySelector("#figures-table tbody tr")!.TextContent;
        row.Should().Contain("安庆示范农商银行科技支行").And.Contain("12,500").And.Contain("3,000");
        (await (await fx.As("ent.a")).GetAsync("/finance/figures")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
