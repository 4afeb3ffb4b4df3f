using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Tests;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91370100780603055K")]
    [InlineData("91310110666007217T")]
    [InlineData("91350500676532779B")]
    [InlineData("91510100350611266D")]
    [InlineData("91330101589882738D")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91510100MA6BKY6U36")]
    public void Real_public_codes_are_valid(string code) => CreditCode.Check(code).Should().Be(CreditCodeVerdict.Valid);

    [Theory]
    [InlineData("91350100M0001TGQXM")]
    [InlineData("91350211M0000XUF46")]
    [InlineData("91440300713555564J")]
    public void A_wrong_check_character_is_only_a_warning(string code) => CreditCode.Check(code).Should().Be(CreditCodeVerdict.ChecksumMismatch);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("9137010078060305")]
    [InlineData("91370100780603055KX")]
    [InlineData("91370100780603055I")]
    [InlineData("913701007806O3055K")]
    [InlineData("9I370100780603055K")]
    [InlineData("91370A00780603055K")]
    public void A_wrong_shape_is_an_error(string? code) => CreditCode.Check(code).Should().Be(CreditCodeVerdict.InvalidFormat);

    [Fact]
    public void What_people_type_is_normalised_before_checking()
    {
        CreditCode.Normalize(" 91370100780603055k ").Should().Be("91370100780603055K");
        CreditCode.Normalize("９１３７０１００７８０６０３０５５Ｋ").Should().Be("91370100780603055K");
        CreditCode.Check("91370100 780603055k").Should().Be(CreditCodeVerdict.Valid);
    }

    [Fact]
    public void Complete_builds_a_valid_code_and_the_region_comes_from_positions_three_to_eight()
    {
        var code = CreditCode.Complete("91340822MA2N00028");
        CreditCode.Check(code).Should().Be(CreditCodeVerdict.Valid);
        code.Should().Be("91340822MA2N00028G");
        CreditCode.RegistrationRegion(code).Should().Be("340822");
    }
}
