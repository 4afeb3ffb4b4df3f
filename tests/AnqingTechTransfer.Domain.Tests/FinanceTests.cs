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
