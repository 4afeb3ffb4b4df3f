using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Domain.Tests;

public class QualificationCountingTests
{
    private static HighTechCertificate Cert(string code, int year, int month = 11, int day = 20) =>
        new(code, $"GR{year}34{Random.Shared.Next(100000, 999999)}", new DateOnly(year, month, day), HighTechMode.Recognition, "04");

    [Fact]
    public void A_certificate_counts_in_each_year_whose_31_december_it_covers()
    {
        var certificate = Cert("A", 2021);
        certificate.ValidUntil.Should().Be(new DateOnly(2024, 11, 19));
        QualificationCounting.HighTechEnterprises([certificate], 2020).Should().Be(0);
        QualificationCounting.HighTechEnterprises([certificate], 2021).Should().Be(1);
        QualificationCounting.HighTechEnterprises([certificate], 2023).Should().Be(1);
        QualificationCounting.HighTechEnterprises([certificate], 2024).Should().Be(0, "it expired before 31 December 2024");
    }

    [Fact]
    public void Re_recognition_does_not_count_an_enterprise_twice()
    {
        var first = Cert("A", 2021, 1, 10);
        var renewed = Cert("A", 2023, 12, 1);
        QualificationCounting.HighTechEnterprises([first, renewed, Cert("B", 2023)], 2023).Should().Be(2);
        QualificationCounting.HighTechEnterprises([first, renewed], 2025).Should().Be(1);
    }

    [Fact]
    public void A_tech_sme_counts_in_its_registration_year_only()
    {
        TechSmeRegistration[] registrations = [new("A", 2024, "2024340800000001"), new("A", 2025, "2025340800000002"), new("B", 2025, "2025340800000003")];
        QualificationCounting.TechSmes(registrations, 2024).Should().Be(1);
        QualificationCounting.TechSmes(registrations, 2025).Should().Be(2);
        QualificationCounting.TechSmes(registrations, 2026).Should().Be(0);
    }

    [Fact]
    public void Unconfirmed_number_formats_give_warnings_not_refusals()
    {
        QualificationFormats.HighTechWarning("GR202134001234", new DateOnly(2021, 11, 20)).Should().BeNull();
        QualificationFormats.HighTechWarning("GR202234001234", new DateOnly(2021, 11, 20)).Should().Contain("年份");
        QualificationFormats.HighTechWarning("ABC", new DateOnly(2021, 11, 20)).Should().Contain("格式");
        QualificationFormats.TechSmeWarning("20253408A1B2C3", 2025).Should().BeNull();
        QualificationFormats.TechSmeWarning("20243408A1B2C3", 2025).Should().Contain("评价年度");
    }
}

public class TargetTests
{
    [Fact]
    public void Doubling_over_four_years_grows_by_the_fourth_root_of_two_a_year()
    {
        var path = TargetPath.Build(2021, 100m, 2025, 200m);
        path.Keys.Should().Equal(2022, 2023, 2024, 2025);
        path[2022].Should().Be(118.92m);
        path[2023].Should().Be(141.42m);
        path[2025].Should().Be(200m);
    }

    [Fact]
    public void A_linear_path_and_a_new_plan_period_need_no_code()
    {
        TargetPath.Build(2021, 100m, 2025, 200m, PathShape.Linear)[2023].Should().Be(150m);
        var next = TargetPath.Build(2025, 200m, 2030, 400m);
        next.Keys.Should().Equal(2026, 2027, 2028, 2029, 2030);
        next[2030].Should().Be(400m);
    }

    [Fact]
    public void Impossible_paths_are_refused_in_chinese()
    {
        var backwards = () => TargetPath.Build(2025, 100m, 2021, 200m);
        backwards.Should().Throw<DomainException>().WithMessage("*晚于*");
        var fromZero = () => TargetPath.Build(2021, 0m, 2025, 200m);
        fromZero.Should().Throw<DomainException>().WithMessage("*等差*");
    }

    [Theory]
    [InlineData(60, 100, 0.50, TargetStatus.Ahead)]
    [InlineData(52, 100, 0.50, TargetStatus.OnTrack)]
    [InlineData(46, 100, 0.50, TargetStatus.OnTrack)]
    [InlineData(44, 100, 0.50, TargetStatus.Behind)]
    [InlineData(0, 0, 0.50, TargetStatus.OnTrack)]
    public void The_status_compares_progress_with_the_time_elapsed(decimal actual, decimal target, decimal elapsed, TargetStatus expected) =>
        TargetStatusRule.Evaluate(actual, target, elapsed).Should().Be(expected);

    [Fact]
    public void Elapsed_share_runs_from_the_first_to_the_last_day_of_the_year()
    {
        TargetStatusRule.ElapsedShare(new DateOnly(2026, 12, 31)).Should().Be(1m);
        TargetStatusRule.ElapsedShare(new DateOnly(2024, 12, 31)).Should().Be(1m, "2024 is a leap year");
        TargetStatusRule.ElapsedShare(new DateOnly(2026, 7, 2)).Should().BeApproximately(0.5m, 0.01m);
    }
}

public class TargetRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_plan_period_doubles_its_baseline_along_the_chosen_path()
    {
        var period = PlanPeriod.Create("2021—2025", 2021, 2025, 2m, PathShape.Geometric, Now);
        var path = period.PathFrom(100m);
        path[2025].Should().Be(200m);
        path[2022].Should().Be(decimal.Round(100m * (decimal)Math.Pow(2, 0.25), 2));
        period.Covers(2021).Should().BeFalse("the baseline year is not a target year");
        period.Covers(2025).Should().BeTrue();

        var linear = PlanPeriod.Create("2021—2025", 2021, 2025, 2m, PathShape.Linear, Now).PathFrom(100m);
        linear[2023].Should().Be(150m);
    }

    /// <summary>Issue 25 §8: a count's targets are whole numbers, rounded up (never "88.45 家", never below the plan's path).</summary>
    [Fact]
    public void A_counts_yearly_targets_are_whole_numbers_rounded_up()
    {
        var period = PlanPeriod.Create("2021—2025", 2021, 2025, 2m, PathShape.Geometric, Now);
        var amounts = period.PathFrom(74.37m);
        var counts = period.PathFrom(74.37m, wholeNumbers: true);
        counts.Values.Should().OnlyContain(v => v == decimal.Truncate(v));
        counts.Keys.Should().OnlyContain(y => counts[y] >= amounts[y] && counts[y] - amounts[y] < 1);
        counts[2022].Should().Be(decimal.Ceiling(amounts[2022]));
        counts[2025].Should().Be(149m, "74.37 × 2 = 148.74, rounded up");
        Indicator.IsCountUnit("家").Should().BeTrue();
        Indicator.IsCountUnit("万元").Should().BeFalse();
    }

    [Theory]
    [InlineData(2025, 2021, 2)]
    [InlineData(2021, 2035, 2)]
    [InlineData(2021, 2025, 0)]
    public void A_plan_period_must_be_forward_at_most_ten_years_and_grow(int from, int to, decimal multiple)
    {
        var create = () => PlanPeriod.Create("规划期", from, to, multiple, PathShape.Geometric, Now);
        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_locked_target_cannot_change_until_unlocked()
    {
        var target = KpiTarget.Create(Guid.NewGuid(), "340822", 2025, 100m, null, Now);
        target.Lock("何处长", Now);
        var change = () => target.SetValue(120m);
        change.Should().Throw<DomainException>().WithMessage("*锁定*");
        target.Value.Should().Be(100m);
        target.Unlock();
        target.SetValue(120m);
        target.Value.Should().Be(120m);
    }

    [Fact]
    public void A_baseline_needs_a_source_and_an_http_link_and_entering_it_ends_the_demo_mark()
    {
        var baseline = KpiBaseline.Create(Guid.NewGuid(), "340800", 2021, 72m, "示例", null, "系统", false, true, Now);
        baseline.IsDemo.Should().BeTrue();
        var noSource = () => baseline.Set(80m, " ", null, "张科员", true, Now);
        noSource.Should().Throw<DomainException>().Which.Field.Should().Be(nameof(KpiBaseline.SourceDocument));
        var badLink = () => baseline.Set(80m, "统计公报", "javascript:alert(1)", "张科员", true, Now);
        badLink.Should().Throw<DomainException>().Which.Field.Should().Be(nameof(KpiBaseline.SourceUrl));
        baseline.Set(80m, "2021年统计公报", "https://tjj.anqing.gov.cn/", "张科员", true, Now);
        baseline.IsDemo.Should().BeFalse();
        baseline.IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Counts_and_absorbed_turnover_add_up_to_the_city_and_either_side_turnover_does_not()
    {
        IndicatorSource.HighTechCount.IsAdditive().Should().BeTrue();
        IndicatorSource.AbsorbedAmount.IsAdditive().Should().BeTrue();
        IndicatorSource.ContractAmount.IsAdditive().Should().BeFalse();
        IndicatorSource.Entered.IsComputed().Should().BeFalse();
        var badKey = () => Indicator.Create("R&D", "研发投入", "万元", IndicatorSource.Entered, 1, false, Now);
        badKey.Should().Throw<DomainException>();
    }
}

public class CultivationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3_000, 5)]
    [InlineData(5_000, 5)]
    [InlineData(5_001, 4)]
    [InlineData(20_000, 4)]
    [InlineData(20_001, 3)]
    public void The_required_rd_ratio_follows_the_revenue_band(decimal revenue, decimal required) =>
        HighTechReadiness.RequiredRdRatio(revenue).Should().Be(required);

    [Fact]
    public void The_gaps_name_each_criterion_missed_and_by_how_much()
    {
        var gaps = HighTechReadiness.Gaps(new ReadinessFigures(12_000m, 3.5m, 9m, 58m, 0));
        gaps.Should().HaveCount(4);
        gaps[0].Should().Be("研发费用占比 3.5%，低于 4%（差 0.5 个百分点）");
        gaps.Should().Contain("科技人员占比 9%，低于 10%").And.Contain("尚无核心自主知识产权");
        HighTechReadiness.Gaps(new ReadinessFigures(3_000m, 6m, 12m, 70m, 2)).Should().BeEmpty();
        HighTechReadiness.Gaps(new ReadinessFigures(null, null, null, null, null)).Should().HaveCount(4).And.OnlyContain(g => g.StartsWith("未填写"));
    }

    [Fact]
    public void Figures_out_of_range_and_empty_notes_are_refused()
    {
        var entry = CultivationEntry.Mark(Organizations.CreditCode.Complete("91340822MA2X00001"), "怀宁县测试企业", "340822", null, 2027,
            new ReadinessFigures(1000m, 3m, 8m, 50m, 1), "赵主任", Now);
        var badRatio = () => entry.Update(2027, new ReadinessFigures(1000m, 130m, 8m, 50m, 1), CultivationStatus.Cultivating);
        badRatio.Should().Throw<DomainException>().Which.Field.Should().Be(nameof(ReadinessFigures.RdRatio));
        var empty = () => entry.AddNote("  ", "赵主任", Now);
        empty.Should().Throw<DomainException>();
        entry.AddNote("走访企业", "赵主任", Now).EntryId.Should().Be(entry.Id);
        entry.Notes.Should().ContainSingle();
    }

    [Theory]
    [InlineData("省级", SpecializedLevel.Provincial)]
    [InlineData("小巨人", SpecializedLevel.NationalLittleGiant)]
    [InlineData("国家级", SpecializedLevel.NationalLittleGiant)]
    [InlineData("市级", null)]
    public void Specialized_levels_are_read_as_the_lists_write_them(string text, SpecializedLevel? expected) =>
        SpecializedLevels.Parse(text).Should().Be(expected);
}

public class QualificationLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private const string Code = "91340822MA2N00503";

    [Fact]
    public void An_imported_record_is_linked_to_the_approved_organization_of_its_credit_code_once()
    {
        var code = AnqingTechTransfer.Domain.Organizations.CreditCode.Complete(Code);
        var record = HighTechRecord.Create(code, "皖河智能", "340822", null, "GR202534000777", new DateOnly(2025, 6, 1), HighTechMode.Recognition, "02",
            QualificationSource.Imported, Now);
        var organization = Guid.NewGuid();
        record.LinkTo(organization, "91340822MA2N0050" + "0").Should().BeFalse("another credit code");
        record.OrganizationId.Should().BeNull();
        record.LinkTo(organization, code.ToLowerInvariant()).Should().BeTrue("the code is compared normalized");
        record.OrganizationId.Should().Be(organization);
        record.LinkTo(Guid.NewGuid(), code).Should().BeFalse("a linked record stays with its organization");
        record.OrganizationId.Should().Be(organization);
    }
}
