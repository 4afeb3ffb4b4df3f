using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 23 §3: conflicts from joint projects of any mode, contracts, the former employer and past project teams.</summary>
public class ConflictSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly string University = CreditCode.Complete("12340800MB1234561");
    private static readonly string Applicant = CreditCode.Complete("91340822MA2N00501");
    private static readonly string Partner = CreditCode.Complete("91340882MA2N00602");
    private static readonly string Elsewhere = CreditCode.Complete("91340100MA2N00703");

    private static Expert NewExpert(string name, string key, params DeclaredRelation[] relations)
    {
        var expert = Expert.Apply(null, name, new ProtectedId("c", key, "340***"), new ProtectedId("c", "m" + key, "138****"),
            new ExpertProfile("安庆师范大学", University, "教授", "博士", ["01"], "催化", ExpertTypes.Technical, true), null, Now);
        expert.Update(expert.Profile, relations, []);
        return expert;
    }

    private static ReviewSubject Subject() => new("安庆华宁新材料科技有限公司", Applicant, [Partner], [], []);

    [Fact]
    public void A_project_of_any_mode_binds_every_pair_of_its_units_within_three_years()
    {
        // A 研发众包 project of three units: the expert's university, an unrelated unit and the current applicant.
        var pairs = Collaboration.Among([Elsewhere, University, Applicant, Applicant, ""], Today.AddYears(-1), "共同承担市科技计划研发众包项目《X》").ToList();
        pairs.Should().HaveCount(3, "three distinct units make three pairs; blanks and repeats are dropped");
        ConflictRules.Find(NewExpert("甲", "K1"), Subject(), pairs, Today).Should().ContainSingle(c => c.Rule == ConflictRule.Collaboration)
            .Which.Evidence.Should().Contain("研发众包项目《X》");

        var old = Collaboration.Among([University, Applicant], Today.AddYears(-3).AddDays(-1), "共同承担市科技计划定向委托项目《旧》");
        ConflictRules.Find(NewExpert("甲", "K1"), Subject(), old, Today).Should().BeEmpty("a project that ended more than three years ago no longer counts");
    }

    [Fact]
    public void A_former_employer_left_less_than_three_years_ago_is_a_conflict_and_one_left_earlier_is_not()
    {
        var recent = NewExpert("乙", "K2", new DeclaredRelation(RelationKind.FormerEmployer, "华宁新材料", Applicant, null, null, Today.AddYears(-2)));
        ConflictRules.Find(recent, Subject(), [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.FormerEmployer)
            .Which.Evidence.Should().Contain("原工作单位").And.Contain(Applicant);
        var partnerFormer = NewExpert("乙", "K2", new DeclaredRelation(RelationKind.FormerEmployer, "合作企业", Partner, null, null, Today.AddMonths(-1)));
        ConflictRules.Find(partnerFormer, Subject(), [], Today).Should().ContainSingle(c => c.Rule == ConflictRule.FormerEmployer);
        var longAgo = NewExpert("乙", "K2", new DeclaredRelation(RelationKind.FormerEmployer, "华宁新材料", Applicant, null, null, Today.AddYears(-4)));
        ConflictRules.Find(longAgo, Subject(), [], Today).Should().BeEmpty();
        ConflictRule.FormerEmployer.Name().Should().Be("原工作单位（离职未满三年）");
    }

    [Fact]
    public void The_expert_on_the_team_of_a_past_project_of_the_applicant_or_a_partner_is_conflicted()
    {
        var team = new List<TeamMember> { new("王五", "K-WANG"), new("丙", "K3") };
        var past = new[] { new PastTeam(Applicant, "高性能涂层", Today.AddYears(-1), team) };
        ConflictRules.Find(NewExpert("丙", "K3"), Subject(), [], Today, past).Should().ContainSingle(c => c.Rule == ConflictRule.Collaboration)
            .Which.Evidence.Should().Contain("项目《高性能涂层》的团队成员").And.Contain("丙");
        ConflictRules.Find(NewExpert("丙", "K-OTHER"), Subject(), [], Today, past).Should().BeEmpty("the same name with another ID key is another person");
        ConflictRules.Find(NewExpert("丙", "K3"), Subject(), [], Today, [past[0] with { UnitCreditCode = Elsewhere }]).Should().BeEmpty("another unit's project");
        ConflictRules.Find(NewExpert("丙", "K3"), Subject(), [], Today, [past[0] with { Until = Today.AddYears(-4) }]).Should().BeEmpty("more than three years ago");
    }

    [Fact]
    public void A_registered_contract_with_a_partner_within_three_years_is_a_conflict()
    {
        var contract = new Collaboration(Partner, University, Today.AddMonths(-6), "技术合同登记 2025340800010009《催化剂》");
        ConflictRules.Find(NewExpert("丁", "K4"), Subject(), [contract], Today).Should().ContainSingle(c => c.Rule == ConflictRule.Collaboration)
            .Which.Evidence.Should().Contain("技术合同登记");
    }
}
