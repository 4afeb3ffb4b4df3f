using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>
/// Issue 22 §8: the contract indicators add up the way the province adds them. A contract registered in Hefei with an
/// Anqing buyer is Hefei's 成交额 and Anqing's 吸纳, never both of Anqing's; a county's 成交额 is its 输出.
/// </summary>
public class ContractFigureTests
{
    private const string City = AnqingRegions.City;
    private const string Huaining = AnqingRegions.Huaining;
    private const string Qianshan = AnqingRegions.Qianshan;

    [Theory]
    // registered here, seller and buyer in two counties
    [InlineData(IndicatorSource.ContractAmount, City, Huaining, Qianshan, false, true)]
    [InlineData(IndicatorSource.ContractAmount, Huaining, Huaining, Qianshan, false, true)]
    [InlineData(IndicatorSource.ContractAmount, Qianshan, Huaining, Qianshan, false, false)]
    [InlineData(IndicatorSource.TechAmount, Huaining, Huaining, Qianshan, false, true)]
    [InlineData(IndicatorSource.TechAmount, Qianshan, Huaining, Qianshan, false, false)]
    [InlineData(IndicatorSource.OutputAmount, Huaining, Huaining, Qianshan, false, true)]
    [InlineData(IndicatorSource.AbsorbedAmount, Qianshan, Huaining, Qianshan, false, true)]
    [InlineData(IndicatorSource.AbsorbedAmount, Huaining, Huaining, Qianshan, false, false)]
    [InlineData(IndicatorSource.AbsorbedAmount, City, Huaining, Qianshan, false, true)]
    // registered here, buyer outside Anqing: the city's and the seller's 成交额 and 输出, nobody's 吸纳
    [InlineData(IndicatorSource.ContractAmount, City, Huaining, "", false, true)]
    [InlineData(IndicatorSource.OutputAmount, City, Huaining, "", false, true)]
    [InlineData(IndicatorSource.AbsorbedAmount, City, Huaining, "", false, false)]
    // imported: registered elsewhere, seller outside Anqing, buyer in Qianshan — 吸纳 only
    [InlineData(IndicatorSource.ContractAmount, City, "", Qianshan, true, false)]
    [InlineData(IndicatorSource.TechAmount, City, "", Qianshan, true, false)]
    [InlineData(IndicatorSource.OutputAmount, City, "", Qianshan, true, false)]
    [InlineData(IndicatorSource.AbsorbedAmount, City, "", Qianshan, true, true)]
    [InlineData(IndicatorSource.AbsorbedAmount, Qianshan, "", Qianshan, true, true)]
    [InlineData(IndicatorSource.ContractAmount, Qianshan, "", Qianshan, true, false)]
    // imported although the export names an Anqing seller: still registered elsewhere, so not Anqing's 成交额 or 输出
    [InlineData(IndicatorSource.ContractAmount, Huaining, Huaining, Qianshan, true, false)]
    [InlineData(IndicatorSource.OutputAmount, Huaining, Huaining, Qianshan, true, false)]
    // a registered contract of a city-level seller counts in the city's 成交额 but in no county's 输出
    [InlineData(IndicatorSource.ContractAmount, City, "", Qianshan, false, true)]
    [InlineData(IndicatorSource.OutputAmount, City, "", Qianshan, false, false)]
    // counts and entered values are not contract figures
    [InlineData(IndicatorSource.HighTechCount, City, Huaining, Qianshan, false, false)]
    [InlineData(IndicatorSource.Entered, City, Huaining, Qianshan, false, false)]
    public void A_contract_counts_where_the_province_counts_it(IndicatorSource source, string place, string seller, string buyer, bool imported, bool counts) =>
        source.Counts(place, seller, buyer, imported).Should().Be(counts);

    [Fact]
    public void Each_contract_indicator_names_its_field_and_says_what_imported_contracts_do()
    {
        IndicatorSource.ContractAmount.Describe().Should().Contain("成交额").And.Contain("不计入");
        IndicatorSource.TechAmount.Describe().Should().Contain("技术交易额").And.Contain("不计入");
        IndicatorSource.AbsorbedAmount.Describe().Should().Contain("成交额").And.Contain("含外地登记");
        IndicatorSource.OutputAmount.Describe().Should().Contain("本市登记点");
    }
}

public class ContractFieldChoiceTests
{
    private static Indicator Make(IndicatorSource source) =>
        Indicator.Create("contract_amount", "技术合同成交额", "万元", source, 3, true, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(IndicatorSource.ContractAmount, IndicatorSource.TechAmount)]
    [InlineData(IndicatorSource.TechAmount, IndicatorSource.ContractAmount)]
    [InlineData(IndicatorSource.ContractAmount, IndicatorSource.ContractAmount)]
    public void The_contract_target_tracks_either_field_of_the_form(IndicatorSource from, IndicatorSource to)
    {
        var indicator = Make(from);
        indicator.TrackContractField(to);
        indicator.Source.Should().Be(to);
    }

    [Theory]
    [InlineData(IndicatorSource.AbsorbedAmount)]
    [InlineData(IndicatorSource.HighTechCount)]
    [InlineData((IndicatorSource)0)]
    public void Nothing_else_is_a_contract_field(IndicatorSource field) =>
        FluentActions.Invoking(() => Make(IndicatorSource.ContractAmount).TrackContractField(field)).Should().Throw<DomainException>().WithMessage("*成交额*技术交易额*");

    [Fact]
    public void Another_indicator_does_not_switch_to_a_contract_field() =>
        FluentActions.Invoking(() => Make(IndicatorSource.AbsorbedAmount).TrackContractField(IndicatorSource.TechAmount)).Should().Throw<DomainException>()
            .WithMessage("只有技术合同交易额指标*");
}
