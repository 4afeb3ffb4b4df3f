using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;

namespace AnqingTechTransfer.Domain.Tests;

public class FinanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static LoanProduct Product(Qualifications requires = Qualifications.HighTech | Qualifications.TechSme) =>
        LoanProduct.Create(Guid.NewGuid(), "示范银行", "科技研发贷", LoanKind.Research, 3.2m, 4.5m, 50, 1000, 36, requires, "", Now);

    [Theory]
    [InlineData(Qualifications.HighTech, true)]
    [InlineData(Qualifications.TechSme, true)]
    [InlineData(Qualifications.Specialized, false)]
    [InlineData(Qualifications.None, false)]
    public void An_enterprise_is_eligible_when_it_holds_any_qualification_the_product_asks_for(Qualifications held, bool eligible)
    {
        Product().Ineligibility(held).Should().Match(s => eligible ? s == null : s!.Contains("高新技术企业或科技型中小企业"));
        Product(Qualifications.None).Ineligibility(held).Should().BeNull("a product without requirements is open to every enterprise");
    }

    [Fact]
    public void Products_check_their_ranges()
    {
        new Action(() => LoanProduct.Create(Guid.NewGuid(), "b", "x", LoanKind.Research, 5, 4, 50, 100, 12, Qualifications.None, "", Now)).Should().Throw<DomainException>()
            .Which.Field.Should().Be("RateMax");
        new Action(() => LoanProduct.Create(Guid.NewGuid(), "b", "x", LoanKind.Research, 3, 4, 100, 50, 12, Qualifications.None, "", Now)).Should().Throw<DomainException>()
            .Which.Field.Should().Be("AmountMax");
        new Action(() => LoanProduct.Create(Guid.NewGuid(), "b", "x", LoanKind.Research, 3, 4, 50, 100, 0, Qualifications.None, "", Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_loan_is_applied_for_within_the_range_decided_disbursed_repaid_and_settled_or_defaulted()
    {
        var product = Product();
        new Action(() => LoanApplication.Apply(product, Guid.NewGuid(), "华宁", "91340822MA2N00501X", "340822", Qualifications.Specialized, 100, "研发", Now))
            .Should().Throw<DomainException>().WithMessage("*不具备*");
        new Action(() => LoanApplication.Apply(product, Guid.NewGuid(), "华宁", "x", "340822", Qualifications.HighTech, 2000, "研发", Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("Amount");
        var loan = LoanApplication.Apply(product, Guid.NewGuid(), "华宁", "x", "340822", Qualifications.HighTech, 300, "中试线建设", Now);
        loan.Invoking(l => l.Decide(product, false, null, null, " ")).Should().Throw<DomainException>("a refusal has a reason");
        loan.Invoking(l => l.Decide(product, true, 300, 5m, null)).Should().Throw<DomainException>().Which.Field.Should().Be("Rate");
        loan.Invoking(l => l.Disburse(Today)).Should().Throw<DomainException>();
        loan.Decide(product, true, 300, 3.8m, null);
        loan.Disburse(Today);
        loan.Invoking(l => l.Repay(Today, 301)).Should().Throw<DomainException>();
        loan.Repay(Today.AddMonths(6), 100);
        loan.Outstanding.Should().Be(200);
        loan.MarkDefault("逾期90天");
        loan.Status.Should().Be(LoanStatus.Defaulted);
        loan.Outstanding.Should().Be(200, "the overdue principal is what a compensation claim will be based on");

        var settled = LoanApplication.Apply(product, Guid.NewGuid(), "舒源", "y", "340882", Qualifications.TechSme, 100, "设备", Now);
        settled.Decide(product, true, 100, 4m, "同意");
        settled.Disburse(Today);
        settled.Repay(Today.AddYears(1), 100);
        settled.Status.Should().Be(LoanStatus.Settled);
        product.Withdraw();
        new Action(() => LoanApplication.Apply(product, Guid.NewGuid(), "华宁", "x", "340822", Qualifications.HighTech, 100, "研发", Now)).Should().Throw<DomainException>();
    }
}

public class RiskPoolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static (CooperationAgreement Agreement, LoanApplication Loan) Defaulted(decimal amount = 300, decimal repaid = 100, decimal cap = 1000)
    {
        var bank = Guid.NewGuid();
        var agreement = CooperationAgreement.Sign(bank, "示范银行", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 0.5m, cap, 0.05m, Now);
        var product = LoanProduct.Create(bank, "示范银行", "研发贷", LoanKind.Research, 3, 4, 10, 1000, 12, Qualifications.None, "", Now);
        var loan = LoanApplication.Apply(product, Guid.NewGuid(), "华宁", "x", "340822", Qualifications.None, amount, "研发", Now);
        loan.Decide(product, true, amount, 3.5m, null);
        loan.Disburse(new DateOnly(2026, 1, 10));
        loan.Repay(new DateOnly(2026, 6, 10), repaid);
        loan.MarkDefault("逾期90天");
        return (agreement, loan);
    }

    [Fact]
    public void A_claim_is_the_pools_share_of_the_overdue_principal_within_what_is_left_of_the_cap()
    {
        var (agreement, loan) = Defaulted();
        var claim = CompensationClaim.File(agreement, loan, 0, "起诉书编号（2026）皖0822民初1号", Today, Today.AddDays(35), Now);
        claim.OverduePrincipal.Should().Be(200);
        claim.Requested.Should().Be(100, "50% of the overdue 200");
        CompensationClaim.File(agreement, loan, 960, "证明", Today, Today, Now).Requested.Should().Be(40, "only 40 is left of the cap of 1000");
        new Action(() => CompensationClaim.File(agreement, loan, 1000, "证明", Today, Today, Now)).Should().Throw<DomainException>().WithMessage("*用完*");
        claim.Invoking(c => c.Decide(true, 120, "核实")).Should().Throw<DomainException>("no more than claimed");
        claim.Decide(true, 80, "部分材料不全，核减20万元");
        claim.ApprovedAmount.Should().Be(80);
    }

    [Fact]
    public void Recoveries_return_to_the_pool_pro_rata_and_never_exceed_the_overdue_principal()
    {
        var (agreement, loan) = Defaulted();
        var claim = CompensationClaim.File(agreement, loan, 0, "证明", Today, Today, Now);
        claim.Invoking(c => c.Recover(Today, 10)).Should().Throw<DomainException>("not before the compensation is decided");
        claim.Decide(true, 100, "同意");
        claim.Recover(Today, 50).ReturnedToPool.Should().Be(25, "the pool paid 100 of 200: half of what comes back is its");
        claim.Invoking(c => c.Recover(Today, 151)).Should().Throw<DomainException>();
        claim.Recover(Today, 150);
        claim.ReturnedToPool.Should().Be(100);
    }

    [Fact]
    public void A_bank_above_its_non_performing_threshold_is_suspended_and_files_no_claim_until_it_is_back_under()
    {
        var (agreement, loan) = Defaulted();
        CooperationAgreement.NonPerformingRatio(6, 100).Should().Be(0.06m);
        CooperationAgreement.NonPerformingRatio([loan]).Should().Be(1m, "the bank's only loan still owed is in default");
        agreement.Review(CooperationAgreement.NonPerformingRatio(6, 100));
        agreement.Suspended.Should().BeTrue();
        new Action(() => CompensationClaim.File(agreement, loan, 0, "证明", Today, Today, Now)).Should().Throw<DomainException>().WithMessage("*暂停*");
        agreement.Review(0.05m);
        agreement.Suspended.Should().BeFalse("at the threshold itself the bank is not above it");
        CompensationClaim.File(agreement, loan, 0, "证明", Today, Today, Now).Should().NotBeNull();
    }

    [Fact]
    public void A_loan_outside_the_agreement_or_not_in_default_is_not_covered()
    {
        var (agreement, _) = Defaulted();
        var other = CooperationAgreement.Sign(Guid.NewGuid(), "另一银行", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 0.5m, 100, 0.05m, Now);
        var (_, loan) = Defaulted();
        new Action(() => CompensationClaim.File(other, loan, 0, "证明", Today, Today, Now)).Should().Throw<DomainException>().WithMessage("*本行*");
        var late = CooperationAgreement.Sign(loan.BankOrganizationId, "示范银行", new DateOnly(2026, 6, 1), new DateOnly(2027, 12, 31), 0.5m, 100, 0.05m, Now);
        new Action(() => CompensationClaim.File(late, loan, 0, "证明", Today, Today, Now)).Should().Throw<DomainException>().WithMessage("*协议期*");
        agreement.Should().NotBeNull();
    }

    [Fact]
    public void The_guidance_fund_warns_when_early_stage_investment_is_under_half()
    {
        GuidanceFund.EarlyShare([]).Share.Should().BeNull();
        var investments = new[]
        {
            new FundInvestment(Guid.NewGuid(), "A", "甲", "", InvestmentStage.Early, 400, Today),
            new FundInvestment(Guid.NewGuid(), "B", "乙", "", InvestmentStage.Growth, 500, Today),
            new FundInvestment(Guid.NewGuid(), "C", "丙", "", InvestmentStage.Mature, 100, Today),
        };
        var (total, early, share, below) = GuidanceFund.EarlyShare(investments);
        (total, early, share, below).Should().Be((1000m, 400m, (decimal?)0.4m, true));
        GuidanceFund.EarlyShare(investments.Append(new FundInvestment(Guid.NewGuid(), "D", "丁", "", InvestmentStage.Early, 200, Today))).Below.Should().BeFalse();
    }

    [Fact]
    public void The_share_from_the_periods_sums_is_the_same_rule()
    {
        GuidanceFund.EarlyShare(13200, 5200).Should().Be((13200m, 5200m, (decimal?)0.3939m, true));
        GuidanceFund.EarlyShare(1000, 500).Below.Should().BeFalse("exactly half meets the ≥ 50 % rule");
        GuidanceFund.EarlyShare(0, 0).Share.Should().BeNull();
    }

    [Fact]
    public void An_investment_is_corrected_with_a_reason_and_each_change_is_kept_before_and_after()
    {
        var investment = new FundInvestment(Guid.NewGuid(), "光刻胶中试", "甲公司", "", InvestmentStage.Early, 400, Today);
        new Action(() => investment.Correct("光刻胶中试", "甲公司", "", InvestmentStage.Growth, 400, Today, " ", "张科员", Now)).Should().Throw<DomainException>()
            .WithMessage("请填写更正原因");
        new Action(() => investment.Correct("光刻胶中试", "甲公司", "", InvestmentStage.Early, 400, Today, "核对", "张科员", Now)).Should().Throw<DomainException>()
            .WithMessage("*没有需要更正的内容*");
        new Action(() => investment.Correct("光刻胶中试", "甲公司", "", InvestmentStage.Early, 0, Today, "核对", "张科员", Now)).Should().Throw<DomainException>();

        var correction = investment.Correct("光刻胶中试", "甲公司", "", InvestmentStage.Growth, 450, Today, "投决会纪要更正", "张科员", Now);
        correction.Changes.Should().Be("阶段：初创期 → 成长期；金额（万元）：400 → 450");
        (correction.By, correction.Reason, correction.At).Should().Be(("张科员", "投决会纪要更正", Now));
        (investment.Stage, investment.Amount).Should().Be((InvestmentStage.Growth, 450m));
        investment.Corrections.Should().ContainSingle();
    }

    [Fact]
    public void A_locked_year_refuses_the_banks_figures_and_other_years_stay_open()
    {
        var yearLock = BankFiguresLock.Lock(2025, 2026, "张科员", Now);
        new Action(() => BankYearFigures.EnsureOpen(2025, yearLock)).Should().Throw<DomainException>().WithMessage("2025年度数据已由市科技局锁定*");
        new Action(() => BankYearFigures.EnsureOpen(2026, null)).Should().NotThrow();
        new Action(() => BankFiguresLock.Lock(2027, 2026, "张科员", Now)).Should().Throw<DomainException>().WithMessage("年度应在2021年至今年之间");
    }

    [Fact]
    public void Saving_a_ratio_above_the_threshold_suspends_and_under_it_reinstates()
    {
        var agreement = CooperationAgreement.Sign(Guid.NewGuid(), "示范银行", Today.AddYears(-1), Today.AddYears(1), 0.5m, 100, 0.05m, Now);
        agreement.Review(CooperationAgreement.NonPerformingRatio(10, 100));
        agreement.Suspended.Should().BeTrue();
        agreement.Review(CooperationAgreement.NonPerformingRatio(5, 100));
        agreement.Suspended.Should().BeFalse("5 % is not above the 5 % threshold");
    }
}
