using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 23 §8: partners and avoidance requests on an application; a call's text and guide; programmes editable until publication.</summary>
public class ApplicationFormRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private const string Code = "91340822MA2N005015";
    private static readonly string Partner = CreditCode.Complete("91340800MA2P00001");

    private static ProgrammeTerms Terms(string name = "新材料研发众包") =>
        new(name, FundingMode.Crowdsourcing, 1000m, Now.AddDays(1), Now.AddDays(30), 1, 2, true, ["申报书"], null, 200m) { AcceptanceCriteria = "按任务要求完成验收" };

    private static ProjectApplication Draft()
    {
        var programme = new Programme(Guid.NewGuid(), Guid.NewGuid(), Terms());
        return ProjectApplication.Draft(programme, Guid.NewGuid(), "安庆华宁新材料科技有限公司", Code, "340822", true, null, Now);
    }

    private static void Edit(ProjectApplication a, IEnumerable<PartnerUnit>? partners = null, IEnumerable<AvoidRequest>? avoid = null) =>
        a.Edit("项目", "内容", [new BudgetLine("设备费", 10m, 10m)], [], [], null, partners, avoid);

    [Fact]
    public void A_partner_needs_a_name_and_a_valid_credit_code_other_than_the_applicants_own_each_once()
    {
        var a = Draft();
        Edit(a, [new PartnerUnit("安庆石化研究院", Partner)]);
        a.Partners.Should().ContainSingle().Which.CreditCode.Should().Be(Partner);

        var wrongCheck = Partner[..17] + (Partner[17] == '0' ? '1' : '0');
        a.Invoking(x => Edit(x, [new PartnerUnit("安庆石化研究院", wrongCheck)])).Should().Throw<DomainException>()
            .Where(e => e.Field == "Partners[0].CreditCode").WithMessage("*校验位*");
        a.Invoking(x => Edit(x, [new PartnerUnit("某单位", "12345")])).Should().Throw<DomainException>().WithMessage("*格式*");
        a.Invoking(x => Edit(x, [new PartnerUnit(" ", Partner)])).Should().Throw<DomainException>().Where(e => e.Field == "Partners[0].Name");
        a.Invoking(x => Edit(x, [new PartnerUnit("本单位", Code)])).Should().Throw<DomainException>().WithMessage("*申报单位本身*");
        a.Invoking(x => Edit(x, [new PartnerUnit("甲", Partner), new PartnerUnit("乙", Partner)])).Should().Throw<DomainException>()
            .Where(e => e.Field == "Partners[1].CreditCode");
        a.Partners.Should().ContainSingle("a refused edit changes nothing");
    }

    [Fact]
    public void At_most_three_experts_may_be_avoided_each_with_a_reason()
    {
        var a = Draft();
        var three = Enumerable.Range(1, ReviewSubject.MaxAvoidRequests).Select(i => new AvoidRequest($"专家{i}", "某大学", "曾有学术争议")).ToList();
        Edit(a, avoid: three);
        a.AvoidRequests.Should().HaveCount(3);
        a.Invoking(x => Edit(x, avoid: [.. three, new AvoidRequest("专家4", "某大学", "竞争关系")])).Should().Throw<DomainException>().WithMessage("*不超过3名*");
        a.Invoking(x => Edit(x, avoid: [new AvoidRequest("专家1", "某大学", " ")])).Should().Throw<DomainException>()
            .Where(e => e.Field == "AvoidRequests[0].Reason").WithMessage("*理由*");
        a.AvoidRequests.Should().HaveCount(3);
    }

    [Fact]
    public void The_requested_total_is_checked_against_the_programmes_cap()
    {
        ProjectApplication.BudgetProblem([new BudgetLine("设备费", 100m, 150m), new BudgetLine("材料费", 0m, 50m)], Terms()).Should().BeNull();
        ProjectApplication.BudgetProblem([new BudgetLine("设备费", 100m, 150m), new BudgetLine("材料费", 0m, 50.5m)], Terms()).Should()
            .Contain("200.5").And.Contain("单项上限 200");
    }

    [Fact]
    public void A_programme_is_edited_until_its_call_is_published_and_refused_afterwards()
    {
        var call = Call.Draft(2027, "2027年度指南", Now, "第一段\r\n\r\n第二段");
        call.Paragraphs.Should().Equal("第一段", "第二段");
        var programme = call.AddProgramme(Terms(), Now);
        call.EditProgramme(programme.Id, Terms("改名后的专项") with { MaxAward = 150m });
        programme.Terms.Name.Should().Be("改名后的专项");
        programme.Terms.MaxAward.Should().Be(150m);
        call.Invoking(c => c.EditProgramme(programme.Id, Terms() with { MaxAward = 2000m })).Should().Throw<DomainException>("terms are still validated");
        call.Invoking(c => c.EditProgramme(Guid.NewGuid(), Terms())).Should().Throw<DomainException>();
        call.EditText("2027年度指南（修订）", "正文");
        call.AttachGuide(new CallGuide(Guid.NewGuid(), "指南.pdf", FileKind.Pdf));

        call.Publish(Now);
        call.Invoking(c => c.EditProgramme(programme.Id, Terms("发布后修改"))).Should().Throw<DomainException>().WithMessage("指南已发布，专项不能再修改");
        call.Invoking(c => c.EditText("新名称", "新正文")).Should().Throw<DomainException>().WithMessage("*已发布*");
        call.Invoking(c => c.AttachGuide(new CallGuide(Guid.NewGuid(), "新.pdf", FileKind.Pdf))).Should().Throw<DomainException>();
        programme.Terms.Name.Should().Be("改名后的专项");
        call.Title.Should().Be("2027年度指南（修订）");
    }
}
