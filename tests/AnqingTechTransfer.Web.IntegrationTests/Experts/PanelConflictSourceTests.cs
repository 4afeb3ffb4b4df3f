using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Projects;
using Microsoft.Extensions.DependencyInjection;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Experts;

/// <summary>
/// Issue 23 §3: each conflict source the portal knows excludes an expert at the draw, and the draw's record names it: a
/// project of a mode other than 揭榜挂帅, a registered (not a cancelled) contract, a former employer, and the expert on the
/// team of the applicant's past project. Each test uses its own demo expert, moved to a unit of its own.
/// </summary>
public class PanelConflictSourceTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly string Nowhere = Domain.Organizations.CreditCode.Complete("91340800MA2T23X01");

    /// <summary>The k-th active demo expert in field 02 (not expert.a or expert.b), moved to an employer outside the portal.</summary>
    private Task<Guid> ExpertAsync(int k, string? employerName = null, string? employerCode = null, DeclaredRelation? relation = null) =>
        fx.WithDbAsync(async (db, _) =>
        {
            var all = await db.Experts.Where(e => e.Status == ExpertStatus.Active && e.UserId == null).OrderBy(e => e.Id).ToListAsync();
            var expert = all.Where(e => e.Profile.FieldCodes.Contains("02")).ElementAt(k);
            expert.Update(expert.Profile with { EmployerName = employerName ?? "某外地研究所", EmployerCreditCode = employerCode ?? Nowhere },
                relation is null ? [] : [relation], expert.Blackouts);
            await db.SaveChangesAsync();
            return expert.Id;
        });

    private async Task<IReadOnlyList<Conflict>> DrawAsync(string title, string applicantName, string applicantCode, Guid expert)
    {
        var bureau = await fx.As("bureau");
        var response = await bureau.PostFormAsync("/panels/new", new()
        {
            ["Title"] = title, ["SubjectKind"] = "项目申报", ["ApplicantName"] = applicantName, ["ApplicantCreditCode"] = applicantCode,
            ["Rubric"] = "技术先进性,60\n实施方案,40", ["Aggregation"] = "Mean", ["ChiefWeight"] = "0.4", ["ReviewDate"] = "2026-12-20",
        }, "/panels/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var panel = await fx.WithDbAsync((db, _) => db.ReviewPanels.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var content = new List<KeyValuePair<string, string>>
        {
            new("FieldCodes", "02"), new("Count", "1"), new("Reserves", "0"), new("PerEmployerCap", "25"), new("MinOutside", "0"), new("MinCredit", "0"),
            new("__RequestVerificationToken", await bureau.TokenAsync($"/panels/{panel}")),
        };
        (await bureau.Http.PostAsync($"/panels/{panel}/draw", new FormUrlEncodedContent(content))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panel));
        stored.Draw!.Result.Selected.Should().NotContain(expert);
        return stored.Draw.Conflicts.Where(c => c.ExpertId == expert).ToList();
    }

    private Task<(Guid Id, string Name, string Code)> OrgAsync(string name) =>
        fx.WithDbAsync(async (db, _) =>
        {
            var o = await db.Organizations.AsNoTracking().SingleAsync(x => x.Name == name);
            return (o.Id, o.Name, o.CreditCode);
        });

    /// <summary>An awarded project of <paramref name="mode"/> by <paramref name="applicant"/>, started a year ago, with the given team.</summary>
    private Task<Guid> PastProjectAsync(FundingMode mode, (Guid Id, string Name, string Code) applicant, string title, IReadOnlyList<TeamMember> team,
        Guid? poster = null) =>
        fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var org = await db.Organizations.SingleAsync(o => o.Id == applicant.Id);
            var programme = new Programme(Guid.NewGuid(), Guid.NewGuid(), new ProgrammeTerms("旧" + mode.Name() + "专项", mode, 100m, now.AddYears(-1), now.AddYears(-1).AddDays(30),
                1, 1, true, [], mode == FundingMode.Directed ? org.CreditCode : null, 50m));
            var application = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, false, null, now);
            application.Edit(title, "内容", [new BudgetLine("设备费", 10, 40)], [new Milestone("完成", today, "报告")], [], team);
            ApplicationSteps.Award(application, programme.Terms, now.AddYears(-1).AddDays(1), 80, 40);
            db.ProjectApplications.Add(application);
            var project = Project.FromAward(application, today.AddYears(-1), today.AddMonths(-1), [new Tranche(1, 40m, "验收后拨付", today.AddMonths(-1))], now, mode);
            if (poster is { } p)
            {
                // 研发众包 published by an enterprise (issue 23 §1): the publisher is a unit of the project like a 发榜方.
                typeof(Project).GetProperty(nameof(Project.PosterOrganizationId))!.SetValue(project, p);
            }

            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

    [Fact]
    public async Task A_joint_project_of_another_mode_than_unveiling_excludes_the_expert_of_the_other_unit()
    {
        var buct = await OrgAsync("北京化工大学安庆研究院");
        var shuyuan = await OrgAsync("潜山舒源生物医药有限公司");
        var expert = await ExpertAsync(0, buct.Name, buct.Code);
        await PastProjectAsync(FundingMode.Crowdsourcing, buct, "众包联合研发旧项目", [new TeamMember("李工", "KEY-LI")], shuyuan.Id);

        var conflicts = await DrawAsync("回避来源：联合项目", shuyuan.Name, shuyuan.Code, expert);
        conflicts.Should().Contain(c => c.Rule == ConflictRule.Collaboration && c.Evidence.Contains("联合承担研发众包项目《众包联合研发旧项目》（市科技计划项目记录）"));
    }

    [Fact]
    public async Task A_registered_contract_excludes_and_once_its_registration_is_cancelled_it_no_longer_does()
    {
        var contract = await fx.WithDbAsync(async (db, _) =>
        {
            var since = fx.Clock.GetUtcNow().AddYears(-2);
            return await db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= since)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.RegistrationNumber, Seller = c.Seller.CreditCode, SellerName = c.Seller.Name, Buyer = c.Buyer.CreditCode, BuyerName = c.Buyer.Name })
                .FirstAsync();
        });
        var expert = await ExpertAsync(1, contract.SellerName, contract.Seller);
        var before = await DrawAsync("回避来源：技术合同", contract.BuyerName, contract.Buyer, expert);
        before.Should().Contain(c => c.Rule == ConflictRule.Collaboration && c.Evidence.Contains($"技术合同登记 {contract.RegistrationNumber}"));

        await fx.WithDbAsync(async (db, _) =>
        {
            var stored = await db.TechContracts.SingleAsync(c => c.Id == contract.Id);
            typeof(TechContract).GetProperty(nameof(TechContract.Status))!.SetValue(stored, ContractStatus.Cancelled);
            await db.SaveChangesAsync();
        });
        var after = await fx.WithDbAsync(async (db, sp) =>
        {
            var experts = await db.Experts.AsNoTracking().Where(e => e.Id == expert).ToListAsync();
            var subject = new ReviewSubject(contract.BuyerName, contract.Buyer, [], [], []);
            return await ActivatorUtilities.CreateInstance<Features.Experts.Panels.PanelConflicts>(sp).ConflictsAsync(subject, experts,
                DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        });
        after.Should().NotContain(c => c.Evidence.Contains(contract.RegistrationNumber!), "a cancelled registration (注销登记) is no joint contract");
    }

    [Fact]
    public async Task A_former_employer_left_a_year_ago_excludes_the_expert()
    {
        var shuyuan = await OrgAsync("潜山舒源生物医药有限公司");
        var left = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddYears(-1);
        var expert = await ExpertAsync(2, relation: new DeclaredRelation(RelationKind.FormerEmployer, shuyuan.Name, shuyuan.Code, null, null, left));
        var conflicts = await DrawAsync("回避来源：原单位", shuyuan.Name, shuyuan.Code, expert);
        conflicts.Should().ContainSingle(c => c.Rule == ConflictRule.FormerEmployer).Which.Evidence.Should().Contain("专家库登记的原工作单位").And.Contain(shuyuan.Code);

        // The expert's page shows the former employer with its date, as the form keeps it.
        var page = await (await fx.As("bureau")).GetPageAsync($"/experts/{expert}");
        page.Body!.TextContent.Should().Contain("原单位：" + shuyuan.Name);
    }

    [Fact]
    public async Task The_expert_on_the_team_of_a_past_project_of_the_applicant_is_excluded()
    {
        var huaning = await OrgAsync("安庆华宁新材料科技有限公司");
        var expert = await ExpertAsync(3);
        var key = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.Id == expert).Select(e => new { e.Name, e.IdNumberKey }).SingleAsync());
        await PastProjectAsync(FundingMode.Directed, huaning, "定向委托旧项目", [new TeamMember("李工", "KEY-LI"), new TeamMember(key.Name, key.IdNumberKey)]);

        var conflicts = await DrawAsync("回避来源：项目团队", huaning.Name, huaning.Code, expert);
        conflicts.Should().ContainSingle(c => c.Rule == ConflictRule.Collaboration && c.Evidence.Contains("项目《定向委托旧项目》的团队成员"))
            .Which.Evidence.Should().Contain(key.Name);
    }
}
