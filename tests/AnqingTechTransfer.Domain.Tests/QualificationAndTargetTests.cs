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
