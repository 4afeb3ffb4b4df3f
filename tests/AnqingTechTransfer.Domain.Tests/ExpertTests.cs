using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Tests;

public class ExpertTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly string University = CreditCode.Complete("12340800MB1234561");
    private static readonly string Applicant = CreditCode.Complete("91340822MA2N00501");
    private static readonly string Partner = CreditCode.Complete("91340882MA2N00602");

    private static Expert NewExpert(string name, string key, string employer = "", string employerName = "安庆师范大学", params DeclaredRelation[] relations)
    {
        var expert = Expert.Apply(null, name, new ProtectedId("c", key, "340***"), new ProtectedId("c", "m" + key, "138****"),
            new ExpertProfile(employerName, employer.Length > 0 ? employer : University, "教授", "博士", ["01", "03"], "催化", ExpertTypes.Technical, true), null, Now);
        expert.Update(expert.Profile, relations, []);
        return expert;
    }

    private static ReviewSubject Subject(params TeamMember[] team) => new("安庆华宁新材料科技有限公司", Applicant, [Partner], team, []);

    [Fact]
    public void Id_numbers_are_checked_with_their_check_character_and_shown_masked()
    {
        var id = PersonalIds.CompleteIdNumber("34080219800101123");
        PersonalIds.IsValidIdNumber(id).Should().BeTrue();
        PersonalIds.IsValidIdNumber(id[..17] + (id[17] == '0' ? '1' : '0')).Should().BeFalse();
        PersonalIds.IsValidIdNumber("340802198013011230").Should().BeFalse("there is no 13th month");
        PersonalIds.IsValidMobile("13800001234").Should().BeTrue();
        PersonalIds.IsValidMobile("12800001234").Should().BeFalse();
        PersonalIds.Mask("13800001234").Should().Be("138****1234");
        PersonalIds.Mask(id).Should().Be("340802********" + id[^4..], "an ID number keeps its region code and its last 4");
        PersonalIds.Mask("6222021234567891234").Should().Be("6222***********1234");
        PersonalIds.IsValidBankAccount("6222 0212 3456 7891 234").Should().BeTrue();
        PersonalIds.IsValidBankAccount("6222-abc").Should().BeFalse();
        PersonalIds.MaskIfMobile("13800001234").Should().Be("138****1234");
        PersonalIds.MaskIfMobile("0556-5550701").Should().Be("0556-5550701", "an office line is published on purpose");
    }

    [Fact]
    public void A_team_member_and_a_relative_or_student_of_one_are_conflicted()
    {
        var subject = Subject(new TeamMember("王五", "K-WANG"), new TeamMember("赵六", "K-ZHAO"));
        ConflictRules.Find(NewExpert("王五", "K-WANG"), subject, [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.TeamMember);
        var relative = NewExpert("李四", "K-LI", relations: new DeclaredRelation(RelationKind.Relative, "王五", null, "K-WANG", "配偶"));
        ConflictRules.Find(relative, subject, [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.Relative).Which.Evidence.Should().Contain("王五");
        var supervisor = NewExpert("张三", "K-ZHANG", relations: new DeclaredRelation(RelationKind.SupervisorOrStudent, "赵六", null, "K-ZHAO", "博士导师"));
        ConflictRules.Find(supervisor, subject, [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.SupervisorOrStudent);
    }

    [Fact]
    public void The_same_legal_entity_counts_by_credit_code_including_part_time_posts()
    {
        ConflictRules.Find(NewExpert("甲", "K1", Applicant, "华宁新材料"), Subject(), [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.SameEntity);
        var partTime = NewExpert("乙", "K2", relations: new DeclaredRelation(RelationKind.PartTimePost, "合作企业", Partner, null, "技术顾问"));
        ConflictRules.Find(partTime, Subject(), [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.SameEntity).Which.Evidence.Should().Contain(Partner);
        ConflictRules.Find(NewExpert("丙", "K3"), Subject(), [], Today).Should().BeEmpty();
    }

    [Fact]
    public void Joint_work_in_the_last_three_years_and_economic_interests_are_conflicts()
    {
        var expert = NewExpert("丁", "K4", relations: new DeclaredRelation(RelationKind.Shareholding, "华宁新材料", Applicant, null, "持股2%"));
        var work = new[]
        {
            new Collaboration(University, Applicant, Today.AddYears(-2), "技术合同 2024340800010001"),
            new Collaboration(University, Applicant, Today.AddYears(-4), "技术合同 2022340800010002"),
        };
        var conflicts = ConflictRules.Find(expert, Subject(), work, Today);
        conflicts.Should().ContainSingle(c => c.Rule == ConflictRule.Collaboration).Which.Evidence.Should().Contain("2024340800010001", "work older than three years does not count");
        conflicts.Should().ContainSingle(c => c.Rule == ConflictRule.EconomicInterest);
    }

    [Fact]
    public void The_applicant_may_ask_to_avoid_up_to_three_named_experts_with_reasons()
    {
        var subject = Subject() with { Avoid = [new AvoidRequest("戊", "安庆师范", "存在学术竞争")] };
        ConflictRules.Find(NewExpert("戊", "K5"), subject, [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.ApplicantRequest);
        ConflictRules.Find(NewExpert("戊", "K6", employerName: "合肥工业大学"), subject, [], Today).Should().BeEmpty("the same name at another employer is another person");
        var four = Subject() with { Avoid = Enumerable.Range(1, 4).Select(i => new AvoidRequest($"专家{i}", "", "理由")).ToList() };
        four.Invoking(s => s.Validate()).Should().Throw<DomainException>();
    }

    private static List<Candidate> Pool(int n, Func<int, string>? employer = null, Func<int, bool>? local = null) =>
        Enumerable.Range(1, n).Select(i => new Candidate(new Guid($"00000000-0000-0000-0000-{i:D12}"), employer?.Invoke(i) ?? $"E{i}", ["01"], ExpertTypes.Technical,
            local?.Invoke(i) ?? true, 100, true)).ToList();

    private static DrawCriteria Criteria(int count = 5, int reserves = 2, int cap = 1, int outside = 0) =>
        new(["01"], ExpertTypes.Technical, count, reserves, cap, outside, 60, Today);

    [Fact]
    public void A_draw_replays_to_the_same_names_from_its_record_and_another_seed_differs()
    {
        var pool = Pool(30);
        var record = ExpertDraw.Run(42, Criteria(), pool, []);
        ExpertDraw.Replays(record).Should().BeTrue();
        ExpertDraw.Run(42, Criteria(), pool.AsEnumerable().Reverse().ToList(), []).Result.Selected.Should().Equal(record.Result.Selected,
            "the pool's order as loaded does not matter");
        ExpertDraw.Run(43, Criteria(), pool, []).Result.Selected.Should().NotEqual(record.Result.Selected);
        (record with { Result = record.Result with { Selected = record.Result.Selected.Reverse().ToList() } }).Should().Match<DrawRecord>(r => !ExpertDraw.Replays(r));
    }

    [Fact]
    public void Conflicted_low_credit_unavailable_and_off_field_experts_are_excluded_with_their_reasons()
    {
        var pool = Pool(12);
        pool[0] = pool[0] with { Credit = 50 };
        pool[1] = pool[1] with { Available = false };
        pool[2] = pool[2] with { FieldCodes = ["09"] };
        var conflicts = new[] { new Conflict(pool[3].ExpertId, ConflictRule.SameEntity, "工作单位即申报单位") };
        var record = ExpertDraw.Run(7, Criteria(), pool, conflicts);
        var chosen = record.Result.Selected.Concat(record.Result.Reserves).ToList();
        chosen.Should().NotContain(pool.Take(4).Select(p => p.ExpertId));
        record.Result.Exclusions.Select(e => e.Reason).Should().Contain(r => r.Contains("信用分 50"))
            .And.Contain(r => r.Contains("不可参加")).And.Contain(r => r.Contains("专业领域")).And.Contain(r => r.Contains("同一法人单位"));
    }

    [Fact]
    public void The_cap_per_employer_and_the_outside_share_hold_and_reserves_follow_the_members()
    {
        var pool = Pool(20, employer: i => $"E{i % 4}", local: i => i % 5 != 0);
        var record = ExpertDraw.Run(99, Criteria(count: 3, reserves: 1, cap: 1, outside: 1), pool, []);
        var chosen = record.Result.Selected.Concat(record.Result.Reserves).Select(id => pool.Single(p => p.ExpertId == id)).ToList();
        chosen.GroupBy(c => c.EmployerCreditCode).Should().OnlyContain(g => g.Count() == 1);
        chosen.Take(3).Count(c => !c.IsLocal).Should().BeGreaterThanOrEqualTo(1);
        record.Result.Reserves.Should().HaveCount(1);
        var tooMany = () => ExpertDraw.Run(1, Criteria(count: 5, reserves: 0, cap: 1), pool, []);
        tooMany.Should().Throw<DomainException>().WithMessage("*不足*");
    }

    [Theory]
    [InlineData(Aggregation.Mean, 80)]
    [InlineData(Aggregation.TrimmedMean, 80)]
    public void The_panel_score_follows_the_configured_rule(Aggregation rule, decimal expected) =>
        ScoreAggregation.Aggregate(rule, [70m, 78m, 82m, 90m], 80m, 0.5m).Should().Be(expected);

    [Fact]
    public void The_chief_weighted_score_weighs_the_chief_against_the_others_mean()
    {
        ScoreAggregation.Aggregate(Aggregation.ChiefWeighted, [70m, 78m, 82m, 90m], 90m, 0.5m).Should().Be(85m);
        ScoreAggregation.Aggregate(Aggregation.Mean, [70m, 78m, 82m, 90m], 90m, 0.5m).Should().Be(82m);
    }

    [Fact]
    public void Trimming_drops_the_highest_and_lowest_only_with_five_or_more()
    {
        ScoreAggregation.Aggregate(Aggregation.TrimmedMean, [10m, 90m, 80m, 85m], 75m, 0).Should().Be(80m);
        ScoreAggregation.Aggregate(Aggregation.TrimmedMean, [10m, 90m], 80m, 0).Should().Be(60m);
    }

    [Fact]
    public void A_panel_needs_declarations_commitments_scores_and_the_chiefs_opinion_and_no_shows_are_replaced_from_reserves()
    {
        var panel = ReviewPanel.Create("某项目评审", "项目申报", Subject(), null, [new RubricItem("技术先进性", 60), new RubricItem("实施方案", 40)],
            Aggregation.Mean, 0, Today, Guid.NewGuid(), Now);
        var pool = Pool(10);
        panel.RecordDraw(ExpertDraw.Run(5, Criteria(count: 3, reserves: 1), pool, []), new Dictionary<Guid, Guid?>(), Now);
        var members = panel.Members.Where(m => m.Role == MemberRole.Member).ToList();
        panel.DesignateChief(members[0].Id);

        var scoreEarly = () => panel.Score(members[1].Id, [50, 30], "好", Now);
        scoreEarly.Should().Throw<DomainException>().WithMessage("*承诺书*");
        var replacement = panel.MarkNoShow(members[2].Id);
        replacement.Should().NotBeNull();
        replacement!.Role.Should().Be(MemberRole.Member);
        var sitting = new[] { members[0], members[1], replacement };
        foreach (var m in sitting)
        {
            panel.Declare(m.Id, false, null);
            panel.Commit(m.Id, Now);
            panel.Score(m.Id, [50, 30], "方案可行", Now);
        }

        var outOfRange = () => panel.Score(members[1].Id, [61, 30], "x", Now);
        outOfRange.Should().Throw<DomainException>().WithMessage("*0至60*");
        var closeEarly = () => panel.Close(members[0].Id, Now);
        closeEarly.Should().Throw<DomainException>().WithMessage("*主审意见*");
        var notChief = () => panel.WritePrimaryOpinion(members[1].Id, "同意");
        notChief.Should().Throw<DomainException>();
        panel.WritePrimaryOpinion(members[0].Id, "建议立项");
        panel.Close(members[0].Id, Now).Should().Be(80m);
        panel.Status.Should().Be(PanelStatus.Closed);
        panel.Invoking(p => p.Score(members[1].Id, [1, 1], "改分", Now)).Should().Throw<DomainException>("a closed panel is locked");
    }

    [Fact]
    public void An_expert_declaring_a_conflict_leaves_and_the_next_reserve_sits()
    {
        var panel = ReviewPanel.Create("某项目评审", "项目申报", Subject(), null, [new RubricItem("综合", 100)], Aggregation.Mean, 0, Today, Guid.NewGuid(), Now);
        panel.RecordDraw(ExpertDraw.Run(5, Criteria(count: 2, reserves: 2), Pool(10), []), new Dictionary<Guid, Guid?>(), Now);
        var first = panel.Members.First(m => m.Role == MemberRole.Member);
        var reserve = panel.Declare(first.Id, true, "与申报人为同门");
        reserve!.Order.Should().Be(3, "the first reserve replaces");
        first.IsActive.Should().BeFalse();
        panel.Invoking(p => p.Declare(panel.Members[1].Id, true, " ")).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_conflict_found_after_the_draw_removes_even_a_scored_chief_and_seats_a_reserve()
    {
        var panel = ReviewPanel.Create("某项目评审", "项目申报", Subject(), null, [new RubricItem("综合", 100)], Aggregation.Mean, 0, Today, Guid.NewGuid(), Now);
        panel.RecordDraw(ExpertDraw.Run(5, Criteria(count: 2, reserves: 1), Pool(10), []), new Dictionary<Guid, Guid?>(), Now);
        var chief = panel.Members.First(m => m.Role == MemberRole.Member);
        panel.DesignateChief(chief.Id);
        panel.Declare(chief.Id, false, null);
        panel.Commit(chief.Id, Now);
        panel.Score(chief.Id, [90], "好", Now);
        panel.WritePrimaryOpinion(chief.Id, "建议立项");
        var reserve = panel.Exclude(chief.Id, "经济利益关系：持股");
        reserve!.Role.Should().Be(MemberRole.Member);
        chief.IsActive.Should().BeFalse();
        panel.Chief.Should().BeNull();
        panel.ChiefOpinion.Should().BeNull("the opinion of an excluded chief does not stand");
    }

    [Fact]
    public void Integrity_events_lower_the_credit_score_for_three_years_and_carry_their_sanction()
    {
        var expert = NewExpert("己", "K7");
        expert.Approve(Today);
        expert.Record(IntegrityEventKind.NoShow, "2026-04-02 评审会无故缺席", Sanction.Warning, null, "张科员", Now.AddYears(-4));
        expert.Record(IntegrityEventKind.Late, "迟到30分钟", Sanction.None, null, "张科员", Now);
        expert.CreditScore(Today).Should().Be(97, "the 2022 no-show has expired");
        expert.Record(IntegrityEventKind.UndeclaredConflict, "与申报单位存在合作未申报", Sanction.Suspension, Today.AddMonths(6), "张科员", Now);
        expert.Status.Should().Be(ExpertStatus.Suspended);
        expert.SuspendedUntil.Should().Be(Today.AddMonths(6));
        expert.CreditScore(Today).Should().Be(77);
        expert.Invoking(e => e.Record(IntegrityEventKind.Gift, " ", Sanction.Removal, null, "x", Now)).Should().Throw<DomainException>();
        expert.Record(IntegrityEventKind.Gift, "收受礼金", Sanction.Removal, null, "张科员", Now);
        expert.Status.Should().Be(ExpertStatus.Removed);
    }

    [Fact]
    public void Status_moves_need_reasons_and_the_yearly_re_evaluation_comes_due()
    {
        var expert = NewExpert("庚", "K8");
        expert.Invoking(e => e.Suspend("x", null)).Should().Throw<DomainException>("only an active expert is suspended");
        expert.Approve(Today);
        expert.IsDueForEvaluation(Today.AddMonths(11)).Should().BeFalse();
        expert.IsDueForEvaluation(Today.AddYears(1)).Should().BeTrue();
        expert.Invoking(e => e.Suspend(" ", null)).Should().Throw<DomainException>().WithMessage("*理由*");
        expert.Suspend("健康原因", null);
        expert.IsAvailableOn(Today).Should().BeFalse();
        expert.Reinstate("已康复", Today);
        expert.Update(expert.Profile, [], [new Blackout(Today, Today.AddDays(3))]);
        expert.IsAvailableOn(Today.AddDays(2)).Should().BeFalse();
        expert.IsAvailableOn(Today.AddDays(4)).Should().BeTrue();
    }
}
