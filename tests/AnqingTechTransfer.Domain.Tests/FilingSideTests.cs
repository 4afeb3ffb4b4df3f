using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 22 §1: the seller side files (the buyer for a technology import), itself or through an agency for a principal on the portal.</summary>
public class FilingSideTests
{
    private const string Own = "91340822MA2N00501X";
    private const string Other = "91340882MA2N00502Y";

    [Theory]
    [InlineData(false, false, Own, false, null)]                    // the seller files its own contract
    [InlineData(true, false, Own, false, null)]                     // the buyer files a technology import
    [InlineData(false, false, "", false, null)]                     // not typed yet: the submission check asks for it
    [InlineData(false, false, Other, true, "由卖方申请登记")]        // a buyer typing the seller's code as the seller
    [InlineData(true, false, Other, true, "由买方申请登记")]         // an import filed by someone who is not the buyer
    [InlineData(false, true, Other, true, null)]                    // an agency for its principal on the portal
    [InlineData(false, true, Other, false, "代理登记")]              // an agency for somebody not on the portal
    [InlineData(true, true, Other, false, "买方（委托方）")]
    public void The_filing_side_is_the_filer_or_an_agencys_principal(bool import, bool agency, string typed, bool onPortal, string? problem)
    {
        var result = FilingSide.Problem(import, Own, agency, typed, onPortal);
        if (problem is null)
        {
            result.Should().BeNull();
        }
        else
        {
            result.Should().Contain(problem);
        }
    }

    [Fact]
    public void The_field_named_is_the_filing_sides() =>
        (FilingSide.Field(false), FilingSide.Field(true)).Should().Be(("SellerCreditCode", "BuyerCreditCode"));
}
