using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;

namespace AnqingTechTransfer.Domain.Tests;

public class SupervisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid Bureau = Guid.NewGuid();
    private static readonly WorkingDayCalendar WeekdaysOnly = new([]);

    private static PlanMeasure Measure(IEnumerable<Guid>? organizations = null, IEnumerable<string>? regions = null) =>
        PlanMeasure.Create(2, "二、破除科技成果转化体制机制障碍", " 完善技术合同登记制度 ", " 多点布局登记站点 ", "市科技局", "", organizations ?? [Bureau],
            regions ?? [], new DateOnly(2025, 12, 31), Now);

    private static MeasureReport Report(PlanMeasure measure, ReportingPeriod? period = null, IReadOnlyList<MeasureFigure>? figures = null) =>
        MeasureReport.File(measure, Bureau, "市科技局", OrganizationKind.MunicipalBureau, AnqingRegions.City, period ?? new ReportingPeriod(2026, 3), Today,
            " 新增登记站点2个 ", figures ?? [new MeasureFigure(" 登记站点 ", 2, " 个 ")], Now);

    // ---- Reporting periods ----

    [Fact]
    public void A_quarter_starts_on_its_first_day_ends_on_its_last_and_is_due_days_after_the_end()
    {
        var q1 = new ReportingPeriod(2024, 1);
        q1.Starts.Should().Be(new DateOnly(2024, 1, 1));
        q1.Ends.Should().Be(new DateOnly(2024, 3, 31));
        new ReportingPeriod(2024, 2).Ends.Should().Be(new DateOnly(2024, 6, 30));
        new ReportingPeriod(2026, 3).Starts.Should().Be(new DateOnly(2026, 7, 1));
        var q4 = new ReportingPeriod(2026, 4);
        q4.Starts.Should().Be(new DateOnly(2026, 10, 1));
        q4.Ends.Should().Be(new DateOnly(2026, 12, 31));
        q4.DueOn(15).Should().Be(new DateOnly(2027, 1, 15), "the due day of the fourth quarter falls in the next year");
        q4.DueOn(0).Should().Be(q4.Ends);
        q4.Code.Should().Be("2026Q4");
        q4.Label.Should().Be("2026年第4季度");
        q4.ToString().Should().Be("2026Q4");
    }

    [Fact]
    public void The_last_ended_quarter_steps_back_across_the_year_boundary()
    {
        ReportingPeriod.LastEnded(new DateOnly(2026, 1, 1)).Should().Be(new ReportingPeriod(2025, 4));
        ReportingPeriod.LastEnded(new DateOnly(2026, 3, 31)).Should().Be(new ReportingPeriod(2025, 4));
        ReportingPeriod.LastEnded(new DateOnly(2026, 4, 1)).Should().Be(new ReportingPeriod(2026, 1));
        ReportingPeriod.LastEnded(Today).Should().Be(new ReportingPeriod(2026, 3));
        ReportingPeriod.Containing(new DateOnly(2026, 12, 31)).Should().Be(new ReportingPeriod(2026, 4));
        ReportingPeriod.Containing(new DateOnly(2026, 7, 1)).Should().Be(new ReportingPeriod(2026, 3));
        new ReportingPeriod(2026, 2).Previous.Should().Be(new ReportingPeriod(2026, 1));
    }

    [Fact]
    public void A_period_code_parses_only_as_four_digit_year_Q_and_quarter_one_to_four()
    {
        ReportingPeriod.TryParse("2026Q3", out var parsed).Should().BeTrue();
        parsed.Should().Be(new ReportingPeriod(2026, 3));
        ReportingPeriod.TryParse("2000Q1", out var lowest).Should().BeTrue();
        lowest.Should().Be(new ReportingPeriod(2000, 1));
        ReportingPeriod.TryParse("2100Q4", out _).Should().BeTrue();

        foreach (var bad in new[] { null, "", "2026Q0", "2026Q5", "2026q3", "2026-3", "2026Q31", "1999Q4", "2101Q1", "20A6Q1", "2026QX", " 2026Q1" })
        {
            ReportingPeriod.TryParse(bad, out var period).Should().BeFalse($"\"{bad}\" is not a period code");
            period.Should().Be(default(ReportingPeriod));
        }
    }

    // ---- Plan measures ----

    [Fact]
    public void The_catalog_holds_the_plans_forty_nine_measures_numbered_one_to_forty_nine_each_with_a_lead_in_the_plans_order()
    {
        PlanMeasureCatalog.All.Should().HaveCount(49);
        PlanMeasureCatalog.All.Select(m => m.Number).Order().Should().Equal(Enumerable.Range(1, 49));
        PlanMeasureCatalog.All.Take(27).Select(m => m.Number).Should().Equal(Enumerable.Range(1, 27), "the first measures keep their numbers and stand in order");
        PlanMeasureCatalog.OrderOf(41).Should().Be(27, "measure 41 stands where the plan puts it, after measure 27");
        PlanMeasureCatalog.OrderOf(28).Should().Be(28);
        PlanMeasureCatalog.OrderOf(99).Should().Be(1099, "a measure unknown to the catalog comes last");
        PlanMeasureCatalog.All.Should().OnlyContain(m => m.Leads.Count > 0 && m.Leads.All(l => !string.IsNullOrWhiteSpace(l.Display)));
        PlanMeasureCatalog.All.Should().OnlyContain(m => !string.IsNullOrWhiteSpace(m.Title) && !string.IsNullOrWhiteSpace(m.Chapter));
        PlanMeasureCatalog.PlanDeadline.Should().Be(new DateOnly(2025, 12, 31));
    }

    [Fact]
    public void The_counties_lead_names_the_twelve_county_and_park_governments_but_not_the_city()
    {
        MeasureLead.Counties.Regions.Should().HaveCount(12)
            .And.Contain(new[] { AnqingRegions.Huaining, AnqingRegions.EconomicDevelopmentZone, AnqingRegions.HighTechZone })
            .And.NotContain(AnqingRegions.City);
        MeasureLead.Htz.Regions.Should().Equal(AnqingRegions.HighTechZone);
        MeasureLead.KeJiJu.Bureau.Should().BeTrue();
        PlanMeasureCatalog.All.Single(m => m.Number == 47).Leads.Should().Equal(MeasureLead.KeJiJu, MeasureLead.Counties);
        PlanMeasureCatalog.All.Single(m => m.Number == 28).Leads.Should().Equal(MeasureLead.KeJiJu);
        PlanMeasureCatalog.Departments.Select(d => d.OrganizationName).Should().Contain("安庆市财政局").And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_measure_needs_a_title_and_keeps_its_leads_without_duplicates()
    {
        new Action(() => PlanMeasure.Create(1, "", " ", "", "", "", [Bureau], [], PlanMeasureCatalog.PlanDeadline, Now))
            .Should().Throw<DomainException>().WithMessage("*任务名称*").Which.Field.Should().Be("Title");

        var measure = Measure([Bureau, Bureau], [AnqingRegions.Huaining, AnqingRegions.Huaining]);
        measure.Title.Should().Be("完善技术合同登记制度");
        measure.Content.Should().Be("多点布局登记站点");
        measure.Status.Should().Be(MeasureStatus.InProgress);
        measure.LeadOrganizationIds.Should().Equal(Bureau);
        measure.LeadRegionCodes.Should().Equal(AnqingRegions.Huaining);
    }

    [Fact]
    public void A_named_lead_organization_leads_whatever_its_kind_and_region()
    {
        var department = Guid.NewGuid();
        var measure = Measure([department]);
        measure.IsLedBy(department, OrganizationKind.MunicipalDepartment, AnqingRegions.City).Should().BeTrue();
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.MunicipalDepartment, AnqingRegions.City).Should().BeFalse();
    }

    [Fact]
    public void Only_the_county_or_park_government_of_a_leading_region_leads_by_region()
    {
        var measure = Measure([], [AnqingRegions.Huaining, AnqingRegions.HighTechZone]);
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.CountyGovernment, AnqingRegions.Huaining).Should().BeTrue();
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone).Should().BeTrue();
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.CountyGovernment, AnqingRegions.Qianshan).Should().BeFalse("潜山 does not lead this measure");
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.Enterprise, AnqingRegions.Huaining).Should().BeFalse("an enterprise in 怀宁 is not its government");
        measure.IsLedBy(Guid.NewGuid(), OrganizationKind.University, AnqingRegions.HighTechZone).Should().BeFalse();
    }

    [Fact]
    public void Reassigning_leads_requires_at_least_one_and_replaces_the_old_ones()
    {
        var measure = Measure();
        measure.Invoking(m => m.AssignLeads([], [], new DateOnly(2026, 6, 30))).Should().Throw<DomainException>().WithMessage("*牵头单位*");
        measure.LeadOrganizationIds.Should().Equal(Bureau);

        measure.AssignLeads([], [AnqingRegions.Qianshan, AnqingRegions.Qianshan], new DateOnly(2026, 6, 30));
        measure.LeadOrganizationIds.Should().BeEmpty();
        measure.LeadRegionCodes.Should().Equal(AnqingRegions.Qianshan);
        measure.Deadline.Should().Be(new DateOnly(2026, 6, 30));
        measure.IsLedBy(Bureau, OrganizationKind.MunicipalBureau, AnqingRegions.City).Should().BeFalse();
    }

    [Fact]
    public void A_measure_is_marked_done_with_a_conclusion_and_reopened_with_a_reason()
    {
        var measure = Measure();
        measure.Invoking(m => m.Reopen("再议")).Should().Throw<DomainException>().WithMessage("*尚未完成*");
        measure.Invoking(m => m.MarkDone(" ", Now)).Should().Throw<DomainException>().WithMessage("*结论*");
        measure.Status.Should().Be(MeasureStatus.InProgress);

        measure.MarkDone(" 已建成站点12个 ", Now);
        measure.Status.Should().Be(MeasureStatus.Done);
        measure.Conclusion.Should().Be("已建成站点12个");
        measure.DoneAt.Should().Be(Now);
        measure.Invoking(m => m.MarkDone("再次", Now)).Should().Throw<DomainException>().WithMessage("*已标记完成*");

        measure.Invoking(m => m.Reopen("")).Should().Throw<DomainException>().WithMessage("*原因*");
        measure.Reopen(" 站点未验收 ");
        measure.Status.Should().Be(MeasureStatus.InProgress);
        measure.Conclusion.Should().Be("重新打开：站点未验收");
        measure.DoneAt.Should().BeNull();
    }

    [Fact]
    public void A_measure_is_past_its_deadline_only_after_the_day_and_only_while_in_progress()
    {
        // A deadline within the plan (the plan's own end date is not missed: see the plan-period tests).
        var measure = PlanMeasure.Create(2, "c", "完善技术合同登记制度", "c", "市科技局", "", [Bureau], [], new DateOnly(2025, 6, 30), Now);
        measure.IsPastDeadline(new DateOnly(2025, 6, 30)).Should().BeFalse();
        measure.IsPastDeadline(new DateOnly(2025, 7, 1)).Should().BeTrue();
        measure.MarkDone("完成", Now);
        measure.IsPastDeadline(new DateOnly(2025, 7, 1)).Should().BeFalse();
    }

    // ---- Progress reports ----

    [Fact]
    public void A_lead_unit_files_a_report_with_trimmed_progress_and_figures()
    {
        var measure = Measure();
        var report = Report(measure);
        report.MeasureId.Should().Be(measure.Id);
        report.OrganizationId.Should().Be(Bureau);
        report.Period.Should().Be("2026Q3");
        report.Progress.Should().Be("新增登记站点2个");
        report.Figures.Should().Equal(new MeasureFigure("登记站点", 2, "个"));
        report.Status.Should().Be(MeasureReportStatus.Submitted);
        report.SubmittedAt.Should().Be(Now);
    }

    [Fact]
    public void A_unit_that_does_not_lead_the_measure_cannot_report_on_it()
    {
        var measure = Measure([Bureau], [AnqingRegions.Huaining]);
        new Action(() => MeasureReport.File(measure, Guid.NewGuid(), "某企业", OrganizationKind.Enterprise, AnqingRegions.Huaining, new ReportingPeriod(2026, 3),
                Today, "进展", [], Now))
            .Should().Throw<DomainException>().WithMessage("*牵头单位*");

        MeasureReport.File(measure, Guid.NewGuid(), "怀宁县人民政府", OrganizationKind.CountyGovernment, AnqingRegions.Huaining, new ReportingPeriod(2026, 3),
                Today, "进展", [], Now)
            .RegionCode.Should().Be(AnqingRegions.Huaining);
    }

    [Fact]
    public void A_lead_unit_cannot_report_a_quarter_that_has_not_started()
    {
        var measure = Measure();
        new Action(() => Report(measure, new ReportingPeriod(2027, 1))).Should().Throw<DomainException>().WithMessage("*尚未开始*")
            .Which.Field.Should().Be("Period");

        Report(measure, new ReportingPeriod(2026, 4)).Period.Should().Be("2026Q4", "the current quarter has started and may be reported");
        new Action(() => MeasureReport.File(measure, Bureau, "市科技局", OrganizationKind.MunicipalBureau, AnqingRegions.City, new ReportingPeriod(2027, 1),
            new DateOnly(2027, 1, 1), "进展", [], Now)).Should().NotThrow("a quarter may be reported from its first day");
    }

    [Fact]
    public void A_done_measure_takes_no_more_reports()
    {
        var measure = Measure();
        measure.MarkDone("完成", Now);
        new Action(() => Report(measure)).Should().Throw<DomainException>().WithMessage("*已完成*");
    }

    [Fact]
    public void A_report_needs_progress_at_most_six_figures_and_a_name_for_each()
    {
        var measure = Measure();
        new Action(() => MeasureReport.File(measure, Bureau, "市科技局", OrganizationKind.MunicipalBureau, AnqingRegions.City, new ReportingPeriod(2026, 3), Today,
            "  ", [], Now)).Should().Throw<DomainException>().WithMessage("*工作进展*");

        var seven = Enumerable.Range(1, MeasureReport.MaxFigures + 1).Select(i => new MeasureFigure($"数据{i}", i, "项")).ToList();
        new Action(() => Report(measure, figures: seven)).Should().Throw<DomainException>().WithMessage("*最多填写 6 项*");
        Report(measure, figures: seven.Take(MeasureReport.MaxFigures).ToList()).Figures.Should().HaveCount(6);

        new Action(() => Report(measure, figures: [new MeasureFigure(" ", 1, "个")])).Should().Throw<DomainException>().WithMessage("*名称*");
    }

    [Fact]
    public void A_report_is_accepted_or_sent_back_for_more_and_only_a_sent_back_report_is_revised()
    {
        var report = Report(Measure());
        report.Invoking(r => r.Revise("改", [], Now)).Should().Throw<DomainException>().WithMessage("*补充*");
        report.Invoking(r => r.AskForMore(" ", Now)).Should().Throw<DomainException>().WithMessage("*补充的内容*");

        report.AskForMore(" 请附站点名单 ", Now);
        report.Status.Should().Be(MeasureReportStatus.MoreRequested);
        report.ReviewNote.Should().Be("请附站点名单");
        report.ReviewedAt.Should().Be(Now);
        report.Invoking(r => r.Accept(null, Now)).Should().Throw<DomainException>().WithMessage("*待审阅*");

        var later = Now.AddDays(3);
        report.Revise("新增站点2个，名单见附件", [], later);
        report.Status.Should().Be(MeasureReportStatus.Submitted);
        report.SubmittedAt.Should().Be(later);
        report.ReviewedAt.Should().BeNull();
        report.Figures.Should().BeEmpty();

        report.Accept("  ", later);
        report.Status.Should().Be(MeasureReportStatus.Accepted);
        report.ReviewNote.Should().BeNull();
        report.Invoking(r => r.AskForMore("再补", later)).Should().Throw<DomainException>().WithMessage("*待审阅*");
    }

    [Fact]
    public void A_missing_report_is_late_only_after_its_due_day_and_only_for_an_open_measure()
    {
        var measure = Measure();
        var q3 = new ReportingPeriod(2026, 3);
        var due = q3.DueOn(15);
        due.Should().Be(new DateOnly(2026, 10, 15));
        ReportDeadlines.IsLate(measure, q3, 15, due, hasReport: false).Should().BeFalse("the due day itself is not late");
        ReportDeadlines.IsLate(measure, q3, 15, due.AddDays(1), hasReport: false).Should().BeTrue();
        ReportDeadlines.IsLate(measure, q3, 15, due.AddDays(1), hasReport: true).Should().BeFalse();
        measure.MarkDone("完成", Now);
        ReportDeadlines.IsLate(measure, q3, 15, due.AddDays(1), hasReport: false).Should().BeFalse();
    }

    // ---- Infringer list ----

    private static readonly string ValidCode = CreditCode.Complete("91340822MA2N00501");

    private static InfringerEntry Entry(string? code = null, DateOnly? publishFrom = null, DateOnly? publishUntil = null,
        InfringementKind kind = InfringementKind.Repeat, InfringedRight right = InfringedRight.Patent) =>
        InfringerEntry.Record(" 安庆某侵权企业 ", code ?? ValidCode, kind, right, " 皖08知民初1号 ", " 安庆市中级人民法院 ", new DateOnly(2026, 3, 1),
            publishFrom ?? new DateOnly(2026, 3, 10), publishUntil ?? new DateOnly(2027, 3, 9), Bureau, Now);

    [Fact]
    public void An_infringer_is_recorded_as_listed_with_a_normalized_credit_code()
    {
        CreditCode.Check(ValidCode).Should().Be(CreditCodeVerdict.Valid);
        var entry = Entry(" " + ValidCode.ToLowerInvariant() + " ");
        entry.CreditCode.Should().Be(ValidCode);
        entry.EnterpriseName.Should().Be("安庆某侵权企业");
        entry.DecisionNumber.Should().Be("皖08知民初1号");
        entry.Authority.Should().Be("安庆市中级人民法院");
        entry.Listing.Should().Be(InfringerListing.Listed);
        entry.RecordedByOrganizationId.Should().Be(Bureau);
        entry.Kind.Name().Should().Be("重复侵权");
        entry.Right.Name().Should().Be("专利权");
    }

    [Fact]
    public void An_infringer_needs_a_well_formed_code_a_known_kind_and_right_a_decision_and_an_authority()
    {
        new Action(() => Entry("91340822MA2N0050")).Should().Throw<DomainException>().WithMessage("*统一社会信用代码格式不正确*")
            .Which.Field.Should().Be("CreditCode");
        new Action(() => Entry("91340822MA2N00501I")).Should().Throw<DomainException>().WithMessage("*格式*");
        new Action(() => Entry(kind: (InfringementKind)7)).Should().Throw<DomainException>().WithMessage("*侵权类型*");
        new Action(() => Entry(right: (InfringedRight)5)).Should().Throw<DomainException>().WithMessage("*知识产权类型*");
        new Action(() => InfringerEntry.Record(" ", ValidCode, InfringementKind.Wilful, InfringedRight.Trademark, "文号", "机关", Today, Today, Today, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*企业名称*");
        new Action(() => InfringerEntry.Record("企业", ValidCode, InfringementKind.Wilful, InfringedRight.Trademark, " ", "机关", Today, Today, Today, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*文号*");
        new Action(() => InfringerEntry.Record("企业", ValidCode, InfringementKind.Wilful, InfringedRight.Trademark, "文号", "", Today, Today, Today, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*机关*");
    }

    [Fact]
    public void The_publication_period_starts_no_earlier_than_the_decision_and_lasts_at_most_five_years()
    {
        new Action(() => Entry(publishFrom: new DateOnly(2026, 2, 28))).Should().Throw<DomainException>().WithMessage("*不能早于决定日期*");
        new Action(() => Entry(publishFrom: new DateOnly(2026, 3, 10), publishUntil: new DateOnly(2026, 3, 9)))
            .Should().Throw<DomainException>().WithMessage("*5年*");
        new Action(() => Entry(publishUntil: new DateOnly(2031, 3, 11))).Should().Throw<DomainException>().WithMessage("*不超过5年*")
            .Which.Field.Should().Be("PublishUntil");

        Entry(publishUntil: new DateOnly(2031, 3, 10)).PublishUntil.Should().Be(new DateOnly(2031, 3, 10), "exactly five years is allowed");
        Entry(publishFrom: new DateOnly(2026, 3, 1), publishUntil: new DateOnly(2026, 3, 1)).IsInForce(new DateOnly(2026, 3, 1))
            .Should().BeTrue("a one-day period on the decision day is allowed");
    }

    [Fact]
    public void An_entry_is_in_force_only_while_listed_and_within_its_publication_period()
    {
        var entry = Entry();
        entry.IsInForce(new DateOnly(2026, 3, 9)).Should().BeFalse();
        entry.IsInForce(new DateOnly(2026, 3, 10)).Should().BeTrue();
        entry.IsInForce(new DateOnly(2027, 3, 9)).Should().BeTrue();
        entry.IsInForce(new DateOnly(2027, 3, 10)).Should().BeFalse();

        entry.TakeOff(InfringerListing.CreditRepaired, " 已履行判决并完成信用修复 ", Today);
        entry.IsInForce(Today).Should().BeFalse();
        entry.Listing.Should().Be(InfringerListing.CreditRepaired);
        entry.RemovalReason.Should().Be("已履行判决并完成信用修复");
        entry.RemovedOn.Should().Be(Today);
    }

    [Fact]
    public void Taking_an_entry_off_needs_a_removal_outcome_and_a_reason_and_happens_once()
    {
        var entry = Entry();
        entry.Invoking(e => e.TakeOff(InfringerListing.Listed, "依据", Today)).Should().Throw<DomainException>().WithMessage("*移出方式*");
        entry.Invoking(e => e.TakeOff((InfringerListing)9, "依据", Today)).Should().Throw<DomainException>().WithMessage("*移出方式*");
        entry.Invoking(e => e.TakeOff(InfringerListing.Removed, " ", Today)).Should().Throw<DomainException>().WithMessage("*依据*");
        entry.Listing.Should().Be(InfringerListing.Listed);
        entry.RemovedOn.Should().BeNull();

        entry.TakeOff(InfringerListing.Removed, "决定被撤销", Today);
        entry.Invoking(e => e.TakeOff(InfringerListing.CreditRepaired, "信用修复", Today)).Should().Throw<DomainException>().WithMessage("*已移出*");
        entry.Listing.Should().Be(InfringerListing.Removed);
    }

    // ---- Notices ----

    private static Notice Publicity(DateOnly startsOn, int workingDays) =>
        Notice.Publish(NoticeKind.Publicity, " 2026年度市科技计划项目立项公示 ", " 名单如下 ", Today, startsOn, workingDays, WeekdaysOnly, Bureau, Now);

    [Fact]
    public void An_empty_calendar_works_monday_to_friday()
    {
        WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 11, 27)).Should().BeTrue("a Friday");
        WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 11, 28)).Should().BeFalse("a Saturday");
        WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 11, 29)).Should().BeFalse("a Sunday");
        WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 10, 1)).Should().BeTrue("no holidays without exceptions");
    }

    [Fact]
    public void A_publicity_ends_after_its_working_days_skipping_the_weekend()
    {
        var fromWednesday = Publicity(Today, 5);
        fromWednesday.StartsOn.Should().Be(Today);
        fromWednesday.EndsOn.Should().Be(new DateOnly(2026, 12, 1), "Wed, Thu, Fri, Mon, Tue");
        fromWednesday.WorkingDays.Should().Be(5);
        fromWednesday.Title.Should().Be("2026年度市科技计划项目立项公示");
        fromWednesday.Body.Should().Be("名单如下");

        Publicity(new DateOnly(2026, 11, 27), 1).EndsOn.Should().Be(new DateOnly(2026, 11, 27), "a working start day counts as the first day");
        Publicity(new DateOnly(2026, 11, 28), 1).EndsOn.Should().Be(new DateOnly(2026, 11, 30), "a Saturday start counts from Monday");
        Publicity(new DateOnly(2026, 11, 28), 5).EndsOn.Should().Be(new DateOnly(2026, 12, 4));

        var holiday = new WorkingDayCalendar([new CalendarException(new DateOnly(2026, 11, 30), false, "假日")]);
        Notice.Publish(NoticeKind.Publicity, "公示", "正文", Today, new DateOnly(2026, 11, 28), 1, holiday, Bureau, Now).EndsOn
            .Should().Be(new DateOnly(2026, 12, 1), "a holiday in the calendar is skipped too");
    }

    [Fact]
    public void A_publicity_starts_no_earlier_than_today_and_lasts_one_to_thirty_working_days()
    {
        new Action(() => Publicity(Today.AddDays(-1), 5)).Should().Throw<DomainException>().WithMessage("*不能早于今天*").Which.Field.Should().Be("StartsOn");
        new Action(() => Publicity(Today, 0)).Should().Throw<DomainException>().WithMessage("*1至30个工作日*");
        new Action(() => Publicity(Today, 31)).Should().Throw<DomainException>().WithMessage("*1至30个工作日*");
        Publicity(Today, 30).WorkingDays.Should().Be(30);

        var startsToday = Notice.Publish(NoticeKind.Publicity, "公示", "正文", Today, null, 3, WeekdaysOnly, Bureau, Now);
        startsToday.StartsOn.Should().Be(Today, "without a start date the publicity starts today");
        startsToday.EndsOn.Should().Be(new DateOnly(2026, 11, 27));
    }

    [Fact]
    public void A_notice_needs_a_title_of_at_most_two_hundred_characters_and_a_body()
    {
        new Action(() => Notice.Publish(NoticeKind.Notice, " ", "正文", Today, null, 0, WeekdaysOnly, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*标题*");
        new Action(() => Notice.Publish(NoticeKind.Notice, new string('标', 201), "正文", Today, null, 0, WeekdaysOnly, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*200字*");
        new Action(() => Notice.Publish(NoticeKind.Notice, "通知", "  ", Today, null, 0, WeekdaysOnly, Bureau, Now))
            .Should().Throw<DomainException>().WithMessage("*正文*");

        var notice = Notice.Publish(NoticeKind.Notice, " " + new string('标', 200) + " ", "正文", Today, Today.AddDays(3), 99, WeekdaysOnly, Bureau, Now);
        notice.StartsOn.Should().BeNull("a plain notice has no publicity window");
        notice.EndsOn.Should().BeNull();
        notice.WorkingDays.Should().Be(0);
        notice.PublishedOn.Should().Be(Today);
        notice.IsOpenForObjection(Today).Should().BeFalse();
        notice.Invoking(n => n.Object("张三 13800000000", "有异议", Today, Now)).Should().Throw<DomainException>().WithMessage("*不在公示期内*");
    }

    [Fact]
    public void Objections_are_taken_only_within_the_window_and_each_is_answered()
    {
        var publicity = Publicity(new DateOnly(2026, 11, 27), 3);
        publicity.EndsOn.Should().Be(new DateOnly(2026, 12, 1));
        publicity.IsOpenForObjection(new DateOnly(2026, 11, 26)).Should().BeFalse();
        publicity.IsOpenForObjection(new DateOnly(2026, 11, 29)).Should().BeTrue("the window runs through the weekend");
        publicity.IsOpenForObjection(new DateOnly(2026, 12, 1)).Should().BeTrue();
        publicity.IsOpenForObjection(new DateOnly(2026, 12, 2)).Should().BeFalse();

        publicity.Invoking(p => p.Object("张三", "有异议", new DateOnly(2026, 12, 2), Now)).Should().Throw<DomainException>().WithMessage("*不在公示期内*");
        publicity.Invoking(p => p.Object(" ", "有异议", new DateOnly(2026, 11, 30), Now)).Should().Throw<DomainException>().WithMessage("*联系方式*");
        publicity.Invoking(p => p.Object("张三", new string('异', 2001), new DateOnly(2026, 11, 30), Now))
            .Should().Throw<DomainException>().WithMessage("*2000字*");
        publicity.Invoking(p => p.Object(new string('张', 101), "有异议", new DateOnly(2026, 11, 30), Now))
            .Should().Throw<DomainException>().WithMessage("*100字*");
        publicity.Objections.Should().BeEmpty();

        publicity.Object(" 张三 13800000000 ", " 第3项成果权属有争议 ", new DateOnly(2026, 11, 30), Now);
        var objection = publicity.Objections.Should().ContainSingle().Subject;
        objection.From.Should().Be("张三 13800000000");
        objection.Text.Should().Be("第3项成果权属有争议");
        objection.Answer.Should().BeNull();

        publicity.Invoking(p => p.Answer(Guid.NewGuid(), "答复", Now)).Should().Throw<DomainException>().WithMessage("*没有该异议*");
        publicity.Invoking(p => p.Answer(objection.Id, " ", Now)).Should().Throw<DomainException>().WithMessage("*答复意见*");
        publicity.Answer(objection.Id, " 经核实权属清晰 ", Now.AddDays(1));
        publicity.Objections.Single().Answer.Should().Be("经核实权属清晰");
        publicity.Objections.Single().AnsweredAt.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void A_withdrawn_publicity_closes_its_window_and_is_withdrawn_once_with_a_reason()
    {
        var publicity = Publicity(Today, 5);
        publicity.Invoking(p => p.Withdraw(" ")).Should().Throw<DomainException>().WithMessage("*撤回原因*");
        publicity.IsWithdrawn.Should().BeFalse();

        publicity.Withdraw(" 名单有误 ");
        publicity.IsWithdrawn.Should().BeTrue();
        publicity.WithdrawReason.Should().Be("名单有误");
        publicity.IsOpenForObjection(Today).Should().BeFalse();
        publicity.Invoking(p => p.Object("张三", "有异议", Today, Now)).Should().Throw<DomainException>().WithMessage("*不在公示期内*");
        publicity.Invoking(p => p.Withdraw("再撤")).Should().Throw<DomainException>().WithMessage("已撤回");
    }

    // ---- University transfer reports ----

    private static readonly TransferFigures Portal = new(3, 5, 120.5m, 1, 30, 1, 50, 40, 0);

    private static TransferReport Started(int year = 2025) =>
        TransferReport.Start(Guid.NewGuid(), "安庆师范大学", AnqingRegions.City, year, 2026, Portal, Now);

    [Fact]
    public void A_report_covers_an_ended_year_from_2021_and_starts_from_the_portal_figures()
    {
        new Action(() => Started(2020)).Should().Throw<DomainException>().WithMessage("*2021年至2025年*").Which.Field.Should().Be("Year");
        new Action(() => Started(2026)).Should().Throw<DomainException>().WithMessage("*已结束年度*");
        Started(2021).Year.Should().Be(2021);

        var report = Started();
        report.Status.Should().Be(TransferReportStatus.Draft);
        report.IsEditable.Should().BeTrue();
        report.Figures.Should().Be(Portal);
        report.PortalFigures.Should().Be(Portal);
        report.Narrative.Should().BeEmpty();
    }

    [Fact]
    public void Figures_may_not_be_negative_nor_implausibly_large_nor_reward_more_than_the_income()
    {
        var report = Started();
        report.Invoking(r => r.Edit(Portal with { SpinOffs = -1 }, "说明")).Should().Throw<DomainException>().WithMessage("*不能为负数*");
        report.Invoking(r => r.Edit(Portal with { LicenceIncome = -0.01m }, "说明")).Should().Throw<DomainException>().WithMessage("*不能为负数*");
        report.Invoking(r => r.Edit(Portal with { EquityValue = 10_000_001m }, "说明")).Should().Throw<DomainException>().WithMessage("*万元*");
        report.Invoking(r => r.Edit(Portal with { ResearcherRewards = 200.51m }, "说明")).Should().Throw<DomainException>().WithMessage("*奖励科研人员*")
            .Which.Field.Should().Be("ResearcherRewards");
        report.Figures.Should().Be(Portal, "a refused edit changes nothing");
        report.Narrative.Should().BeEmpty();

        report.Edit(Portal with { ResearcherRewards = 200.5m }, " 全年转化成果3项 ");
        report.Figures.ResearcherRewards.Should().Be(200.5m, "rewards equal to the income are allowed");
        report.Narrative.Should().Be("全年转化成果3项");
    }

    [Fact]
    public void A_report_is_submitted_with_a_narrative_returned_with_a_reason_and_locked_once_submitted()
    {
        var report = Started();
        report.Invoking(r => r.Submit(Now)).Should().Throw<DomainException>().WithMessage("*情况说明*");
        report.Invoking(r => r.Accept(null)).Should().Throw<DomainException>().WithMessage("*待审核*");

        report.Edit(Portal, "全年转化成果3项");
        report.Submit(Now);
        report.Status.Should().Be(TransferReportStatus.Submitted);
        report.SubmittedAt.Should().Be(Now);
        report.IsEditable.Should().BeFalse();
        report.Invoking(r => r.Edit(Portal, "改")).Should().Throw<DomainException>().WithMessage("*不能修改*");
        report.Invoking(r => r.Submit(Now)).Should().Throw<DomainException>().WithMessage("报告已报送");

        report.Invoking(r => r.Return(" ")).Should().Throw<DomainException>().WithMessage("*退回原因*");
        report.Return(" 许可收入与合同不符 ");
        report.Status.Should().Be(TransferReportStatus.Returned);
        report.ReviewNote.Should().Be("许可收入与合同不符");
        report.IsEditable.Should().BeTrue();

        report.Edit(Portal with { LicenceIncome = 35 }, "已更正许可收入");
        report.Submit(Now.AddDays(2));
        report.ReviewNote.Should().BeNull("submitting again clears the return reason");
        report.Accept(" 数据已核对 ");
        report.Status.Should().Be(TransferReportStatus.Accepted);
        report.ReviewNote.Should().Be("数据已核对");
        report.Invoking(r => r.Return("再退")).Should().Throw<DomainException>().WithMessage("*待审核*");
        report.Invoking(r => r.Edit(Portal, "改")).Should().Throw<DomainException>();
    }

    [Fact]
    public void The_city_summary_adds_figures_field_by_field()
    {
        var other = new TransferFigures(1, 2, 10, 3, 4, 5, 6, 7, 8);
        Portal.Plus(other).Should().Be(new TransferFigures(4, 7, 130.5m, 4, 34, 6, 56, 47, 8));
        TransferFigures.Zero.Plus(Portal).Should().Be(Portal);
        new[] { Portal, other, Portal }.Aggregate(TransferFigures.Zero, (sum, f) => sum.Plus(f))
            .Should().Be(new TransferFigures(7, 12, 251m, 5, 64, 7, 106, 87, 8));
    }

    // ---- Plan periods ----

    [Fact]
    public void A_measure_due_on_its_periods_last_day_is_not_overdue_when_the_period_runs_out_but_one_due_earlier_is()
    {
        var measure = Measure();
        measure.PeriodStartYear.Should().Be(2021);
        measure.PeriodEndYear.Should().Be(2025);
        measure.PeriodLabel.Should().Be("2021—2025年");
        measure.IsPastDeadline(new DateOnly(2026, 12, 15)).Should().BeFalse("the plan's end date is not a missed deadline");
        var early = PlanMeasure.Create(3, "c", "t", "c", "市科技局", "", [Bureau], [], new DateOnly(2024, 6, 30), Now);
        early.IsPastDeadline(new DateOnly(2024, 7, 1)).Should().BeTrue("a deadline within the plan is missed the day after");
        early.IsPastDeadline(new DateOnly(2024, 6, 30)).Should().BeFalse();
    }

    [Fact]
    public void Opening_the_next_period_carries_the_open_measures_over_with_the_new_deadline_and_closes_the_old_ones_read_only()
    {
        var open = Measure([Bureau], [AnqingRegions.Huaining]);
        var done = PlanMeasure.Create(5, "c", "已完成的任务", "c", "市科技局", "", [Bureau], [], new DateOnly(2025, 12, 31), Now);
        done.MarkDone("已完成", Now);
        var deadline = new DateOnly(2030, 12, 31);

        var carried = MeasurePeriods.OpenNext([open, done], 2026, 2030, deadline, Now);

        var next = carried.Should().ContainSingle("a done measure is not carried over").Subject;
        next.Number.Should().Be(open.Number);
        next.Title.Should().Be(open.Title);
        next.LeadOrganizationIds.Should().Equal(Bureau);
        next.LeadRegionCodes.Should().Equal(AnqingRegions.Huaining);
        next.Deadline.Should().Be(deadline);
        next.PeriodStartYear.Should().Be(2026);
        next.PeriodEndYear.Should().Be(2030);
        next.CarriedFromId.Should().Be(open.Id);
        next.Id.Should().NotBe(open.Id);
        next.Status.Should().Be(MeasureStatus.InProgress);
        next.PeriodClosed.Should().BeFalse();
        open.PeriodClosed.Should().BeTrue();
        done.PeriodClosed.Should().BeTrue();
        open.IsPastDeadline(new DateOnly(2027, 1, 1)).Should().BeFalse("a closed period's measure is 已结束, never 逾期");
        ReportDeadlines.IsLate(open, new ReportingPeriod(2026, 3), 10, Today, false).Should().BeFalse();

        new Action(() => open.MarkDone("x", Now)).Should().Throw<DomainException>().WithMessage("*已结束的2021—2025年行动方案期*");
        new Action(() => done.Reopen("x")).Should().Throw<DomainException>().WithMessage("*只能查看*");
        new Action(() => open.AssignLeads([Bureau], [], deadline)).Should().Throw<DomainException>();
        new Action(() => Report(open)).Should().Throw<DomainException>().WithMessage("*不再报送进展*");
        new Action(() => MeasurePeriods.OpenNext([open], 2026, 2030, deadline, Now)).Should().Throw<DomainException>().WithMessage("*没有可结转*");
    }

    [Fact]
    public void The_next_period_starts_the_year_after_the_current_one_and_its_deadline_falls_within_it()
    {
        DomainException Refused(int? start, int? end, DateOnly? deadline) =>
            new Action(() => MeasurePeriods.OpenNext([Measure()], start, end, deadline, Now)).Should().Throw<DomainException>().Which;

        Refused(2027, 2030, new DateOnly(2030, 12, 31)).Message.Should().Be("新一期应从2026年开始");
        Refused(null, 2030, new DateOnly(2030, 12, 31)).Field.Should().Be("startYear");
        Refused(2026, 2025, new DateOnly(2025, 12, 31)).Field.Should().Be("endYear");
        Refused(2026, 2040, new DateOnly(2030, 12, 31)).Field.Should().Be("endYear");
        Refused(2026, 2030, new DateOnly(2031, 1, 1)).Message.Should().Be("结转任务的完成期限应在2026—2030年之内");
        Refused(2026, 2030, null).Field.Should().Be("deadline");
        MeasurePeriods.OpenNext([Measure()], 2026, 2030, new DateOnly(2026, 1, 1), Now).Should().ContainSingle();
    }

    [Fact]
    public void A_notice_keeps_its_publisher_and_the_measure_it_is_tagged_with()
    {
        var measure = Guid.NewGuid();
        var notice = Notice.Publish(NoticeKind.Notice, "通知", "正文", Today, null, 0, WeekdaysOnly, Bureau, Now, " 安庆市经济和信息化局 ",
            new NoticeMeasure(measure, NoticeLabels.Measure(12, "首台套推广")));
        notice.PublisherName.Should().Be("安庆市经济和信息化局");
        notice.MeasureId.Should().Be(measure);
        notice.MeasureLabel.Should().Be("任务12：首台套推广");
        Notice.Publish(NoticeKind.Notice, "通知", "正文", Today, null, 0, WeekdaysOnly, Bureau, Now).MeasureId.Should().BeNull();
    }
}
