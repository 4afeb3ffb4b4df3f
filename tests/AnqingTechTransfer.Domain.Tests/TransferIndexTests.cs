using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.TransferIndex;

namespace AnqingTechTransfer.Domain.Tests;

public class TransferIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Values(params (string Region, string Key, decimal Value)[] cells) =>
        cells.GroupBy(c => c.Region).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(c => c.Key, c => c.Value));

    [Fact]
    public void The_baseline_index_weights_each_indicator_against_the_same_period_of_2021()
    {
        var method = IndexMethod.Create(IndexNormalisation.Baseline, [new("absorbed_amount", 3), new("high_tech", 1)]);
        var rows = IndexCalculator.Compute(method,
            Values((AnqingRegions.Huaining, "absorbed_amount", 300), (AnqingRegions.Huaining, "high_tech", 30), (AnqingRegions.City, "absorbed_amount", 1000)),
            Values((AnqingRegions.Huaining, "absorbed_amount", 100), (AnqingRegions.Huaining, "high_tech", 20), (AnqingRegions.City, "absorbed_amount", 500)));

        var huaining = rows.Single(r => r.RegionCode == AnqingRegions.Huaining);
        huaining.SubScores["absorbed_amount"].Should().Be(300m);
        huaining.SubScores["high_tech"].Should().Be(150m);
        huaining.Score.Should().Be(262.5m, "(3 × 300 + 1 × 150) ÷ 4");
        var city = rows.Single(r => r.RegionCode == AnqingRegions.City);
        city.SubScores["high_tech"].Should().BeNull("a zero baseline cannot be a base");
        city.Score.Should().Be(200m, "the indicator without a base is left out and the others carry the weight");
        rows.Single(r => r.RegionCode == AnqingRegions.Qianshan).Score.Should().BeNull("no indicator of 潜山市 has a base");
        rows.Should().HaveCount(13);
    }

    [Fact]
    public void A_sub_score_against_a_tiny_base_is_capped()
    {
        var method = IndexMethod.Create(IndexNormalisation.Baseline, [new("pilot_runs", 1)]);
        var rows = IndexCalculator.Compute(method, Values((AnqingRegions.Qianshan, "pilot_runs", 40)), Values((AnqingRegions.Qianshan, "pilot_runs", 1)));
        rows.Single(r => r.RegionCode == AnqingRegions.Qianshan).Score.Should().Be(IndexMethod.SubScoreCap, "4000 would swamp every other indicator");
    }

    [Fact]
    public void The_min_max_index_ranks_the_counties_and_parks_and_the_city_is_their_mean()
    {
        var method = IndexMethod.Create(IndexNormalisation.MinMax, [new("registered_contracts", 1)]);
        var cells = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select((r, i) => (r.Code, "registered_contracts", (decimal)(i == 0 ? 50 : 10))).ToArray();
        var rows = IndexCalculator.Compute(method, Values(cells), Values());

        rows.Where(r => r.RegionCode != AnqingRegions.City).Max(r => r.Score).Should().Be(100m);
        rows.Where(r => r.RegionCode != AnqingRegions.City).Min(r => r.Score).Should().Be(0m);
        rows.Single(r => r.RegionCode == AnqingRegions.City).Score.Should().Be(Math.Round(100m / 12, 2));
    }

    [Fact]
    public void Equal_values_everywhere_score_one_hundred_under_min_max()
    {
        var method = IndexMethod.Create(IndexNormalisation.MinMax, [new("carriers", 1)]);
        IndexCalculator.Compute(method, Values(), Values()).Should().OnlyContain(r => r.Score == 100m);
    }

    [Fact]
    public void A_method_needs_known_indicators_with_positive_weights()
    {
        FluentActions.Invoking(() => IndexMethod.Create(IndexNormalisation.Baseline, [])).Should().Throw<DomainException>().WithMessage("*至少需要一个*");
        FluentActions.Invoking(() => IndexMethod.Create(IndexNormalisation.Baseline, [new("no_such", 1)])).Should().Throw<DomainException>().WithMessage("*未知指标*no_such*");
        FluentActions.Invoking(() => IndexMethod.Create(IndexNormalisation.Baseline, [new("tech_sme", -1)])).Should().Throw<DomainException>().WithMessage("*权重*");
        IndexMethod.Create(IndexNormalisation.Baseline, [new("tech_sme", 1), new("carriers", 0)]).Weights.Should().ContainSingle("a zero weight leaves the indicator out");
        IndexMethod.Create(IndexNormalisation.Baseline, [new("tech_sme", 1), new("carriers", 3)]).Describe().Should().Contain("科技型中小企业数 25.0%").And.Contain("基数");
    }

    [Theory]
    [InlineData("2025", 2025, null, "2025-01-01", "2025-12-31")]
    [InlineData("2025Q3", 2025, 3, "2025-07-01", "2025-09-30")]
    [InlineData("2024Q1", 2024, 1, "2024-01-01", "2024-03-31")]
    public void A_period_is_a_year_or_a_quarter(string code, int year, int? quarter, string starts, string ends)
    {
        IndexPeriod.TryParse(code, out var period).Should().BeTrue();
        period.Should().Be(new IndexPeriod(year, quarter));
        period.Starts.Should().Be(DateOnly.Parse(starts));
        period.Ends.Should().Be(DateOnly.Parse(ends));
        period.Code.Should().Be(code);
        period.In(2021).Code.Should().Be("2021" + code[4..]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2020")]
    [InlineData("2025Q5")]
    [InlineData("2025-3")]
    [InlineData("25Q1")]
    public void A_malformed_period_is_refused(string? code) => IndexPeriod.TryParse(code, out _).Should().BeFalse();

    [Fact]
    public void A_publication_needs_an_ended_period_and_a_second_one_is_a_reasoned_correction()
    {
        var method = IndexMethod.Create(IndexNormalisation.Baseline, [new("absorbed_amount", 1)]);
        IReadOnlyList<IndexRow> rows = [new(AnqingRegions.City, 120m, new Dictionary<string, decimal>(), new Dictionary<string, decimal?>())];
        var period = new IndexPeriod(2025, 4);
        FluentActions.Invoking(() => IndexPublication.Publish(period, method, rows, new DateOnly(2025, 12, 31), "张科员", null, null, Now))
            .Should().Throw<DomainException>().WithMessage("*尚未结束*");
        FluentActions.Invoking(() => IndexPublication.Publish(period, method, [new(AnqingRegions.City, null, new Dictionary<string, decimal>(), new Dictionary<string, decimal?>())],
            new DateOnly(2026, 1, 1), "张科员", null, null, Now)).Should().Throw<DomainException>().WithMessage("*没有可计算*");

        var first = IndexPublication.Publish(period, method, rows, new DateOnly(2026, 1, 1), "张科员", null, null, Now);
        first.ScoreOf(AnqingRegions.City).Should().Be(120m);
        FluentActions.Invoking(() => IndexPublication.Publish(period, method, rows, new DateOnly(2026, 1, 2), "张科员", first, " ", Now))
            .Should().Throw<DomainException>().WithMessage("*更正原因*");
        first.IsSuperseded.Should().BeFalse();
        var second = IndexPublication.Publish(period, method, rows, new DateOnly(2026, 1, 2), "张科员", first, "补录合同", Now);
        first.IsSuperseded.Should().BeTrue();
        second.CorrectionReason.Should().Be("补录合同");
    }
}
