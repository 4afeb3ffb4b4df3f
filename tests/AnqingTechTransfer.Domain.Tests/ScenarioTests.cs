using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Domain.Tests;

public class ScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid Author = Guid.NewGuid();

    private static Scenario Draft(DateOnly? deadline = null) =>
        Scenario.Record(Author, "安庆高新区管委会", "3408GX", "化工园区智能巡检", "高新区化工园", "人工巡检效率低", "07", ["巡检", "机器人"], deadline ?? Today.AddDays(30), Today, Now);

    private static Scenario Published()
    {
        var s = Draft();
        s.Submit(Today);
        s.Approve("高新区管委会", Today, Now);
        return s;
    }

    [Fact]
    public void A_scenario_is_recorded_as_a_draft_with_its_region_field_and_keywords_and_refuses_what_is_missing()
    {
        var s = Draft();
        s.Status.Should().Be(ScenarioStatus.Draft);
        s.IsPublished.Should().BeFalse();
        s.PhaseOn(Today).Should().Be(ScenarioPhase.Draft);
        new Action(() => Scenario.Record(Author, "x", "", "t", "p", "q", "07", ["a"], Today.AddDays(3), Today, Now)).Should().Throw<DomainException>().Which.Field.Should().Be("RegionCode");
        new Action(() => Scenario.Record(Author, "x", "3408GX", "t", "p", "q", "", ["a"], Today.AddDays(3), Today, Now)).Should().Throw<DomainException>().Which.Field.Should().Be("FieldCode");
        new Action(() => Scenario.Record(Author, "x", "3408GX", "t", "p", "q", "07", [], Today.AddDays(3), Today, Now)).Should().Throw<DomainException>().Which.Field.Should().Be("Keywords");
        new Action(() => Scenario.Record(Author, "x", "3408GX", "t", "p", "q", "07", ["a"], Today, Today, Now)).Should().Throw<DomainException>().Which.Field.Should().Be("Deadline");
    }

    [Fact]
    public void Review_comes_before_publication_a_returned_scenario_keeps_its_reason_and_is_edited_and_submitted_again()
    {
        var s = Draft();
        s.Invoking(x => x.Approve("高新区", Today, Now)).Should().Throw<DomainException>("a draft is not under review");
        s.Invoking(x => x.ExpressInterest(Guid.NewGuid(), "某公司", "机器人", Today, Now)).Should().Throw<DomainException>("not public before approval");
        s.Submit(Today);
        s.PhaseOn(Today).Should().Be(ScenarioPhase.Pending);
        s.Invoking(x => x.Edit("3408GX", "改", "p", "q", "07", ["a"], Today.AddDays(9), Today)).Should().Throw<DomainException>("under review");
        s.Invoking(x => x.Return("高新区", " ")).Should().Throw<DomainException>().Which.Field.Should().Be("reason");
        s.Return("高新区", "请写明巡检区域面积");
        s.Status.Should().Be(ScenarioStatus.Returned);
        s.ReturnReason.Should().Be("请写明巡检区域面积");
        s.IsPublished.Should().BeFalse();
        s.Edit("3408GX", "化工园区智能巡检（约2平方公里）", "高新区化工园", "人工巡检效率低", "07", ["巡检"], Today.AddDays(30), Today);
        s.Submit(Today);
        s.Approve("高新区管委会", Today, Now);
        s.Status.Should().Be(ScenarioStatus.Open);
        s.PublishedAt.Should().Be(Now);
        s.ReturnReason.Should().BeNull();
        s.Invoking(x => x.Edit("3408GX", "t", "p", "q", "07", ["a"], Today.AddDays(9), Today)).Should().Throw<DomainException>("published");
    }

    [Fact]
    public void A_scenario_whose_deadline_passed_under_review_is_not_published()
    {
        var s = Draft(Today.AddDays(2));
        s.Submit(Today);
        s.Invoking(x => x.Approve("高新区", Today.AddDays(2), Now)).Should().Throw<DomainException>();
        s.Status.Should().Be(ScenarioStatus.Pending);
    }

    [Fact]
    public void The_phase_follows_the_deadline_on_the_day_of_reading()
    {
        var s = Published();
        s.PhaseOn(Today.AddDays(30)).Should().Be(ScenarioPhase.Collecting);
        s.PhaseOn(Today.AddDays(31)).Should().Be(ScenarioPhase.CollectionEnded);
        s.Status.Should().Be(ScenarioStatus.Open, "nothing is stored");
        s.Close("选定防爆巡检机器人试点3个月");
        s.PhaseOn(Today).Should().Be(ScenarioPhase.Closed);
        ScenarioNames.Name(ScenarioPhase.CollectionEnded).Should().Be("征集结束");
    }

    [Fact]
    public void Interest_is_taken_once_per_organization_until_the_deadline_and_the_author_accepts_it_as_a_docking()
    {
        var s = Published();
        var supplier = Guid.NewGuid();
        var result = Guid.NewGuid();
        s.ExpressInterest(supplier, "某机器人公司", "防爆巡检机器人", Today, Now, result);
        s.Interests.Single().ResultId.Should().Be(result);
        s.Invoking(x => x.ExpressInterest(supplier, "某机器人公司", "再次", Today, Now)).Should().Throw<DomainException>();
        s.Invoking(x => x.ExpressInterest(Author, "高新区", "自己", Today, Now)).Should().Throw<DomainException>();
        s.Invoking(x => x.ExpressInterest(Guid.NewGuid(), "晚到者", "x", Today.AddDays(31), Now)).Should().Throw<DomainException>();
        s.Invoking(x => x.AcceptInterest(Guid.NewGuid(), Now)).Should().Throw<DomainException>();
        s.AcceptInterest(supplier, Now);
        s.Interests.Single().IsAccepted.Should().BeTrue();
        s.Invoking(x => x.AcceptInterest(supplier, Now)).Should().Throw<DomainException>();
        s.Close("选定防爆巡检机器人");
        s.Invoking(x => x.Close("again")).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_scenario_matches_on_the_markets_subject_rules_field_keywords_region_with_reasons_and_the_same_threshold()
    {
        var scenario = new TopicFacts(Guid.NewGuid(), "化工园区智能巡检", "07", ["巡检", "机器人"], "3408GX");
        var sameFieldAndKeyword = new TopicFacts(Guid.NewGuid(), "防爆巡检机器人", "07", ["机器人"], "340811");
        var keywordOnly = new TopicFacts(Guid.NewGuid(), "管道巡检系统", "03", ["管道"], "3408GX");
        var unrelated = new TopicFacts(Guid.NewGuid(), "中药材种植", "09", ["中药"], "3408GX");
        var score = MatchRules.ScoreTopic(scenario, sameFieldAndKeyword);
        score.Points.Should().Be(MatchRules.SameField + 2 * MatchRules.PerKeyword);
        score.Reasons.Should().Equal("同一技术领域", "共同关键词：巡检、机器人");
        MatchRules.ScoreTopic(scenario, keywordOnly).Points.Should().Be(MatchRules.PerKeyword + MatchRules.SameRegion, "巡检 is in its title; same park");
        var matches = MatchRules.ForTopic(scenario, [unrelated, keywordOnly, sameFieldAndKeyword], 10);
        matches.Select(m => m.Other).Should().Equal(sameFieldAndKeyword);
    }
}
