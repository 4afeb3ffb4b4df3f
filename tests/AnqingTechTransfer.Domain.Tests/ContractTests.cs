using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Tests;

public class ContractAmountsTests
{
    [Fact]
    public void The_technical_amount_is_the_contract_amount_less_the_deductions() =>
        ContractAmounts.TechAmount(300m, [new("设备", 50m), new("原材料", 20.5m)]).Should().Be(229.5m);

    [Fact]
    public void Deductions_may_take_it_to_zero_but_never_below()
    {
        ContractAmounts.TechAmount(100m, [new("设备", 100m)]).Should().Be(0m);
        var below = () => ContractAmounts.TechAmount(100m, [new("设备", 60m), new("材料", 41m)]);
        below.Should().Throw<DomainException>().WithMessage("*不能超过成交额*");
    }

    [Theory]
    [InlineData(0, "成交额应大于0")]
    [InlineData(-5, "成交额应大于0")]
    [InlineData(1.23456, "最多保留4位小数")]
    public void The_contract_amount_must_be_positive_with_at_most_four_decimals(decimal amount, string message) =>
        ContractAmounts.Problems(amount, []).Select(p => p.Message).Should().ContainMatch($"*{message}*");

    [Fact]
    public void A_negative_or_unnamed_deduction_is_refused()
    {
        ContractAmounts.Problems(100m, [new("设备", -1m)]).Should().ContainSingle(p => p.Message.Contains("负数"));
        ContractAmounts.Problems(100m, [new(" ", 1m)]).Should().ContainSingle(p => p.Message.Contains("名称"));
    }

    [Fact]
    public void Five_million_yuan_of_technical_amount_is_large() =>
        (ContractAmounts.IsLarge(499.9999m), ContractAmounts.IsLarge(500m)).Should().Be((false, true));
}

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.China2025To2026);

    [Fact]
    public void Weekends_and_holidays_are_off_and_make_up_weekend_days_are_working()
    {
        Calendar.IsWorkingDay(new DateOnly(2026, 3, 2)).Should().BeTrue("a Monday");
        Calendar.IsWorkingDay(new DateOnly(2026, 3, 7)).Should().BeFalse("a Saturday");
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)).Should().BeFalse("National Day");
        Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)).Should().BeFalse("Spring Festival on a Monday");
        Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)).Should().BeTrue("a Saturday made a working day (调休)");
        new DateOnly(2026, 2, 14).DayOfWeek.Should().Be(DayOfWeek.Saturday);
    }

    [Fact]
    public void Fifteen_working_days_skip_weekends()
    {
        // Accepted Monday 2026-03-02: 15 working days later is Monday 2026-03-23.
        Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 15).Should().Be(new DateOnly(2026, 3, 23));
    }

    [Fact]
    public void The_limit_counts_a_make_up_saturday_and_skips_the_holiday()
    {
        // Accepted Thursday 2026-02-12: Fri 13, Sat 14 (调休), then the holiday to 23rd; 24, 25 ... 
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 2, 12), 3);
        due.Should().Be(new DateOnly(2026, 2, 24));
        Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 24)).Should().Be(3);
    }

    [Fact]
    public void Without_exceptions_only_weekends_are_off() =>
        new WorkingDayCalendar([]).AddWorkingDays(new DateOnly(2026, 10, 1), 1).Should().Be(new DateOnly(2026, 10, 2));
}

public class CalendarCoverageTests
{
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.China2025To2026);

    [Fact]
    public void The_covered_range_is_the_years_with_calendar_rows()
    {
        var coverage = Calendar.Coverage;
        coverage.Years.Should().Equal(2025, 2026);
        coverage.Covers(new DateOnly(2026, 12, 31)).Should().BeTrue();
        coverage.Covers(new DateOnly(2027, 1, 1)).Should().BeFalse();
        coverage.CoveredThrough(new DateOnly(2025, 6, 1)).Should().Be(new DateOnly(2026, 12, 31), "2025 and 2026 run on without a gap");
        coverage.CoveredThrough(new DateOnly(2027, 3, 1)).Should().BeNull();
        new WorkingDayCalendar([]).Coverage.Years.Should().BeEmpty();
    }

    [Fact]
    public void A_thirty_working_day_limit_set_in_december_runs_into_the_uncovered_year_and_is_provisional()
    {
        var start = new DateOnly(2026, 12, 1);
        var due = Calendar.AddWorkingDays(start, 30);
        due.Should().Be(new DateOnly(2027, 1, 12), "the weekday rule counts 2027-01-01 (a Friday) as a working day: only a guess");
        Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)).Should().BeTrue();
        Calendar.Coverage.IsProvisional(start, due).Should().BeTrue();
    }

    [Fact]
    public void A_limit_inside_the_covered_years_is_not_provisional_and_nor_is_one_crossing_into_a_covered_year()
    {
        var march = new DateOnly(2026, 3, 2);
        Calendar.Coverage.IsProvisional(march, Calendar.AddWorkingDays(march, 30)).Should().BeFalse();
        var december2025 = new DateOnly(2025, 12, 10);
        Calendar.Coverage.IsProvisional(december2025, Calendar.AddWorkingDays(december2025, 30)).Should().BeFalse("2026 is covered");
        Calendar.Coverage.IsProvisional(null, null).Should().BeFalse("no limit is set before acceptance");
        Calendar.Coverage.IsProvisional(new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)).Should().BeFalse();
    }

    [Fact]
    public void Once_the_bureau_enters_the_next_year_the_same_limit_is_no_longer_provisional()
    {
        // A test row only: the real 2027 arrangement is entered from the State Council notice, never guessed.
        var withNextYear = new WorkingDayCalendar([.. WorkingDayCalendar.China2025To2026, new CalendarException(new DateOnly(2027, 1, 1), false, "测试假日")]);
        var start = new DateOnly(2026, 12, 1);
        var due = withNextYear.AddWorkingDays(start, 30);
        due.Should().Be(new DateOnly(2027, 1, 13), "the holiday now moves it a day");
        withNextYear.Coverage.IsProvisional(start, due).Should().BeFalse();
    }

    [Fact]
    public void Looking_sixty_working_days_ahead_from_december_warns_and_names_the_missing_year()
    {
        var outlook = Calendar.LookAhead(new DateOnly(2026, 12, 5));
        outlook.WorkingDays.Should().Be(60);
        outlook.IsShort.Should().BeTrue();
        outlook.MissingYears.Should().Equal(2027);
        outlook.CoveredThrough.Should().Be(new DateOnly(2026, 12, 31));
        outlook.Horizon.Year.Should().Be(2027);
        outlook.Warning.Should().Contain("只录入到 2026年12月31日").And.Contain("2027 年").And.Contain("暂定").And.Contain("国务院办公厅");
        outlook.WarningEnglish.Should().Contain("2027").And.Contain("provisional");
    }

    [Fact]
    public void Early_in_a_covered_year_there_is_no_warning()
    {
        var outlook = Calendar.LookAhead(new DateOnly(2026, 3, 2));
        outlook.IsShort.Should().BeFalse();
        outlook.Warning.Should().BeNull();
        outlook.WarningEnglish.Should().BeNull();
        Calendar.LookAhead(new DateOnly(2026, 9, 1)).IsShort.Should().BeFalse("60 working days from September end on 2026-12-01");
        Calendar.LookAhead(new DateOnly(2026, 11, 2)).IsShort.Should().BeTrue("60 working days from November run into 2027");
    }

    [Fact]
    public void A_year_with_no_rows_at_all_is_named()
    {
        var outlook = Calendar.LookAhead(new DateOnly(2028, 5, 1));
        outlook.CoveredThrough.Should().BeNull();
        outlook.MissingYears.Should().Equal(2028);
        outlook.Warning.Should().Contain("尚未录入 2028 年");
    }
}

public class RegistrationNumberTests
{
    [Fact]
    public void The_default_pattern_gives_sixteen_digits()
    {
        var number = RegistrationNumber.Format(RegistrationNumber.DefaultPattern, 2026, "340800", "01", 27);
        number.Should().Be("2026340800010027").And.HaveLength(16);
    }

    [Fact]
    public void Other_patterns_are_configurable() =>
        RegistrationNumber.Format("{yy}34{region}{point}{seq6}", 2026, "340822", "03", 5).Should().Be("263434082203000005");

    [Fact]
    public void A_serial_that_outgrows_its_digits_or_bad_codes_are_refused()
    {
        var overflow = () => RegistrationNumber.Format(RegistrationNumber.DefaultPattern, 2026, "340800", "01", 10000);
        overflow.Should().Throw<DomainException>();
        var park = () => RegistrationNumber.Format(RegistrationNumber.DefaultPattern, 2026, "3408GX", "01", 1);
        park.Should().Throw<DomainException>();
        var point = () => RegistrationNumber.Format(RegistrationNumber.DefaultPattern, 2026, "340800", "1", 1);
        point.Should().Throw<DomainException>();
    }

    [Fact]
    public void Verification_codes_use_an_unambiguous_alphabet() =>
        RegistrationNumber.VerificationCode([0, 1, 8, 14, 31, 200, 255, 7]).Should().MatchRegex("^[A-HJ-NP-Z2-9]{8}$");
}

public class TechContractWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly ContractActor Filer = new(Guid.NewGuid(), "ent.a");
    private static readonly ContractActor Registrar = new(Guid.NewGuid(), "registrar.city");
    private static readonly ContractActor Second = new(Guid.NewGuid(), "registrar.city2");
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.China2025To2026);

    public static ContractTerms Complete(decimal amount = 120m, TechContractType type = TechContractType.Development) => new(
        "高性能钨铼合金靶盘研发", type, type == TechContractType.Development ? TechContractSubType.CommissionedDevelopment : type == TechContractType.Transfer ? TechContractSubType.PatentTransfer : null,
        null, false,
        new ContractParty("安庆师范大学", Organizations.CreditCode.Complete("12340800000000401"), "142", "340811", "022"),
        new ContractParty("安庆华宁新材料科技有限公司", Organizations.CreditCode.Complete("91340822MA2N00501"), "142", "340822", "150"),
        null, null, "340811", "340822", "06", "03", "07", "10",
        new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), amount, [new("检测设备", 20m)],
        PaymentMode.LumpSumInstalments, null, null, type == TechContractType.Transfer ? 100m : null, type == TechContractType.Transfer ? 500m : null,
        "王建国", "李晓红", new DateOnly(2026, 3, 1));

    /// <summary>Every kind of evidence a contract may need, so the submissions here test the workflow, not the files.</summary>
    internal static readonly EvidenceKind[] AllEvidence = [EvidenceKind.ContractText, EvidenceKind.RightsProof, EvidenceKind.ImportLicence];

    private static TechContract Submitted(decimal amount = 120m)
    {
        var contract = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, Complete(amount));
        contract.Submit(Now, Filer, AllEvidence);
        return contract;
    }

    private static TechContract UnderReview(decimal amount = 120m)
    {
        var contract = Submitted(amount);
        contract.Accept(Now, Today, Registrar, Calendar, false, 15, 30);
        contract.StartReview(Now, Registrar);
        return contract;
    }

    [Fact]
    public void A_draft_may_be_incomplete_but_cannot_be_submitted_until_complete()
    {
        var terms = Complete() with { TechnicalFieldCode = "", ContractAmount = 0, Deductions = [] };
        var draft = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, terms);
        draft.Status.Should().Be(ContractStatus.Draft);
        var submit = () => draft.Submit(Now, Filer, AllEvidence);
        submit.Should().Throw<DomainException>().WithMessage("*技术领域*成交额*");
        draft.Edit(Complete(), draft.RegistrationPointId, Now);
        draft.Submit(Now, Filer, AllEvidence);
        draft.Status.Should().Be(ContractStatus.Submitted);
    }

    [Fact]
    public void The_form_footer_is_required_for_submission_and_its_date_is_never_after_today()
    {
        var bare = Complete() with { ResponsiblePerson = " ", FilledBy = "", FilledOn = null };
        bare.MissingForSubmission().Should().Contain(["负责人", "填报人", "填报日期"]);
        Complete().MissingForSubmission().Should().BeEmpty();
        var draft = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, bare);
        draft.Invoking(d => d.Submit(Now, Filer, AllEvidence)).Should().Throw<DomainException>().WithMessage("*负责人*填报人*填报日期*");

        // Now is 2026-03-02 10:00 in Beijing: the 2nd is today, the 3rd is tomorrow.
        (Complete() with { FilledOn = Today }).Problems(Today).Should().BeEmpty();
        (Complete() with { FilledOn = Today.AddDays(1) }).Problems(Today).Should().ContainSingle(p => p.Field == "FilledOn" && p.Message == "填报日期不能晚于今天");
        var future = () => TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, Complete() with { FilledOn = Today.AddDays(1) });
        future.Should().Throw<DomainException>().Which.Field.Should().Be("FilledOn");
        (Complete() with { FilledBy = new string('李', 51) }).Problems().Should().Contain(p => p.Field == "FilledBy");

        draft.Edit(Complete() with { ResponsiblePerson = " 王建国 " }, draft.RegistrationPointId, Now);
        draft.Submit(Now, Filer, AllEvidence);
        draft.ResponsiblePerson.Should().Be("王建国");
        draft.FilledBy.Should().Be("李晓红");
        draft.FilledOn.Should().Be(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void China_is_142_in_the_country_table_and_the_legacy_156_reads_as_142()
    {
        ContractParty.China.Should().Be("142");
        var table = Domain.CodeTables.CodeTableCatalog.Find(Domain.CodeTables.CodeTableCatalog.CountryRegion)!;
        table.Should().BeSameAs(Domain.CodeTables.CodeTableCatalog.CountryRegionTable);
        table.Source.Should().Contain("国别（地区）代码表").And.Contain("填写说明");
        table.Seed.Should().Contain([("142", "中国"), ("110", "中国香港"), ("121", "中国澳门"), ("143", "中国台湾"), ("116", "日本"), ("133", "韩国"),
            ("502", "美国"), ("304", "德国"), ("303", "英国"), ("305", "法国")]);
        table.Seed.Should().Contain(e => e.Name.StartsWith("其他"));
        table.Seed.Select(e => e.Code).Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().MatchRegex("^[0-9]{3}$"));
        table.Seed.Select(e => e.Code).Should().NotContain(ContractParty.LegacyChina);

        ContractParty.CurrentCountryCode("156").Should().Be("142");
        ContractParty.CurrentCountryCode(" 142 ").Should().Be("142");
        ContractParty.CurrentCountryCode("502").Should().Be("502");
        new ContractParty("x", "", "142", "340811", "").IsDomestic.Should().BeTrue();
        new ContractParty("x", "", "156", "340811", "").IsDomestic.Should().BeFalse("the legacy code is migrated, never stored");
        new ContractParty("香港某公司", "", "110", "", "").IsDomestic.Should().BeFalse();

        // A foreign seller needs no credit code or division code; a mainland one does.
        var foreign = Complete() with { Seller = new ContractParty("Fraunhofer", "", "304", "", "300") };
        foreign.MissingForSubmission().Should().BeEmpty();
        (Complete() with { Seller = new ContractParty("某公司", "", "142", "", "150") }).MissingForSubmission().Should().Contain(["卖方统一社会信用代码", "卖方行政区划"]);
    }

    [Fact]
    public void An_imported_contract_takes_a_corrected_row_and_names_the_changes_in_its_history()
    {
        var imported = TechContract.Imported(Guid.NewGuid(), Guid.NewGuid(), Now, Registrar, Complete() with { Deductions = [] }, "2025340100000101", Now);
        var record = new ImportedRecord(imported.ProjectName, imported.Type, imported.Seller, imported.Buyer, imported.SellerRegionCode, imported.BuyerRegionCode,
            imported.TechnicalFieldCode, imported.ContractAmount, imported.TechAmount, imported.SignedOn, imported.RegisteredAt!.Value, imported.BrokerName, null);
        var events = imported.Events.Count;
        imported.CorrectImported(record, Now, Registrar).Should().BeEmpty("an identical row changes nothing");
        imported.Events.Should().HaveCount(events);

        var changes = imported.CorrectImported(record with { ContractAmount = 150m, TechAmount = 140m, ProjectName = "高性能钨铼合金靶盘研发（更正）" }, Now.AddDays(1), Registrar);
        changes.Should().BeEquivalentTo(["项目名称：高性能钨铼合金靶盘研发 → 高性能钨铼合金靶盘研发（更正）", "成交额（万元）：120 → 150", "技术交易额（万元）：120 → 140"]);
        imported.ContractAmount.Should().Be(150m);
        imported.TechAmount.Should().Be(140m);
        imported.Status.Should().Be(ContractStatus.Registered);
        imported.RegistrationNumber.Should().Be("2025340100000101");
        var last = imported.Events[^1];
        last.Action.Should().Be("导入更正（省系统数据变更）");
        last.Remark.Should().Contain("成交额（万元）：120 → 150").And.Contain("技术交易额（万元）：120 → 140");

        var portal = Submitted();
        portal.Invoking(c => c.CorrectImported(record, Now, Registrar)).Should().Throw<DomainException>().WithMessage("*省系统导入*");
        imported.Invoking(c => c.CorrectImported(record with { TechAmount = 200m }, Now, Registrar)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_wrong_value_is_refused_even_in_a_draft()
    {
        var act = () => TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, Complete() with { SubType = TechContractSubType.PatentLicence });
        act.Should().Throw<DomainException>().Which.Field.Should().Be("SubType");
        var dates = () => TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, Complete() with { ValidTo = new DateOnly(2025, 1, 1) });
        dates.Should().Throw<DomainException>().Which.Field.Should().Be("ValidTo");
    }

    [Fact]
    public void Acceptance_sets_a_due_date_of_fifteen_working_days_or_thirty_when_disputed()
    {
        var normal = Submitted();
        normal.Accept(Now, Today, Registrar, Calendar, false, 15, 30);
        normal.DueOn.Should().Be(new DateOnly(2026, 3, 23));
        var disputed = Submitted();
        disputed.Accept(Now, Today, Registrar, Calendar, true, 15, 30);
        disputed.DueOn.Should().Be(Calendar.AddWorkingDays(Today, 30));
    }

    [Fact]
    public void A_correction_resets_the_acceptance_date()
    {
        var contract = Submitted();
        contract.Accept(Now, Today, Registrar, Calendar, false, 15, 30);
        contract.ReturnForCorrection(Now, Registrar, "缺少合同附件");
        contract.Status.Should().Be(ContractStatus.Returned);
        contract.AcceptedOn.Should().BeNull();
        contract.Submit(Now, Filer, AllEvidence);
        var later = new DateOnly(2026, 3, 10);
        contract.Accept(Now, later, Registrar, Calendar, false, 15, 30);
        contract.AcceptedOn.Should().Be(later);
        contract.Events.Select(e => e.Action).Should().ContainInOrder("提交", "受理", "退回补正", "补正后重新提交", "受理");
    }

    [Fact]
    public void A_small_contract_is_registered_by_one_reviewer()
    {
        var contract = UnderReview();
        contract.Approve(Now, Registrar, null).Should().BeTrue();
        contract.Register(Now, Registrar, "2026340800010001", "ABCDEFGH", "符合认定条件");
        contract.Status.Should().Be(ContractStatus.Registered);
        contract.RegistrationNumber.Should().Be("2026340800010001");
    }

    [Fact]
    public void A_large_contract_needs_a_second_reviewer_other_than_the_first()
    {
        var contract = UnderReview(amount: 620m);
        contract.IsLarge.Should().BeTrue();
        var skip = () => contract.Register(Now, Registrar, "n", "c", null);
        skip.Should().Throw<DomainException>();
        contract.Approve(Now, Registrar, null).Should().BeFalse();
        contract.Status.Should().Be(ContractStatus.SecondReview);
        var same = () => contract.ConfirmSecondReview(Registrar);
        same.Should().Throw<DomainException>().WithMessage("*初审以外*");
        contract.ConfirmSecondReview(Second);
        contract.Register(Now, Second, "2026340800010002", "ABCDEFGH", null);
        contract.Status.Should().Be(ContractStatus.Registered);
    }

    [Fact]
    public void A_refusal_names_a_reason_and_other_needs_a_remark()
    {
        var contract = UnderReview();
        var noRemark = () => contract.Refuse(Now, Registrar, RefusalReason.Other, " ");
        noRemark.Should().Throw<DomainException>();
        contract.Refuse(Now, Registrar, RefusalReason.NotTechContract, "属于一般设备采购");
        contract.Status.Should().Be(ContractStatus.Refused);
        contract.RefusalReason.Should().Be(RefusalReason.NotTechContract);
    }

    [Fact]
    public void A_registered_contract_can_be_cancelled_with_a_reason_and_income_confirmed()
    {
        var contract = UnderReview();
        contract.Approve(Now, Registrar, null);
        contract.Register(Now, Registrar, "2026340800010003", "ABCDEFGH", null);
        contract.FiguresFrom.Should().Be(Now, "the figures count from the registration");
        contract.DeclareIncome(Now, Filer, 80m, hasProof: true);
        contract.AssessIncome(Now, Registrar, null, null);
        contract.IncomeConfirmedAt.Should().Be(Now);
        var noReason = () => contract.Cancel(Now, Registrar, "");
        noReason.Should().Throw<DomainException>();
        var later = Now.AddMonths(2);
        contract.Cancel(later, Registrar, "合同解除");
        contract.Status.Should().Be(ContractStatus.Cancelled);
        contract.FiguresFrom.Should().Be(later, "the figures leave the statistics from the cancellation on");
    }

    public static TheoryData<string> RefusedTransitions => new()
    {
        "accept-draft", "review-submitted", "approve-accepted", "register-submitted", "refuse-draft", "cancel-under-review",
        "change-refused", "edit-submitted", "submit-registered", "return-registered", "income-before-registration", "second-review-small",
    };

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Transitions_out_of_order_are_refused(string name)
    {
        var draft = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, Complete());
        Action act = name switch
        {
            "accept-draft" => () => draft.Accept(Now, Today, Registrar, Calendar, false, 15, 30),
            "review-submitted" => () => Submitted().StartReview(Now, Registrar),
            "approve-accepted" => () => { var c = Submitted(); c.Accept(Now, Today, Registrar, Calendar, false, 15, 30); c.Approve(Now, Registrar, null); },
            "register-submitted" => () => Submitted().Register(Now, Registrar, "n", "c", null),
            "refuse-draft" => () => draft.Refuse(Now, Registrar, RefusalReason.TermsUnclear, "x"),
            "cancel-under-review" => () => UnderReview().Cancel(Now, Registrar, "x"),
            "change-refused" => () => { var c = UnderReview(); c.Refuse(Now, Registrar, RefusalReason.TermsUnclear, "x"); ContractChangeRequest.File(c, Complete(150m), "x", false, Now, Filer); },
            "edit-submitted" => () => Submitted().Edit(Complete(), Guid.NewGuid(), Now),
            "submit-registered" => () => { var c = UnderReview(); c.Approve(Now, Registrar, null); c.Register(Now, Registrar, "n", "c", null); c.Submit(Now, Filer, AllEvidence); },
            "return-registered" => () => { var c = UnderReview(); c.Approve(Now, Registrar, null); c.Register(Now, Registrar, "n", "c", null); c.ReturnForCorrection(Now, Registrar, "x"); },
            "income-before-registration" => () => UnderReview().DeclareIncome(Now, Filer, 10m, hasProof: true),
            "second-review-small" => () => UnderReview().ConfirmSecondReview(Second),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        act.Should().Throw<DomainException>();
    }
}
