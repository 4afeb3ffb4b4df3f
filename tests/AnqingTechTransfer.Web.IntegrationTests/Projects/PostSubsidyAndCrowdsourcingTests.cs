using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §1: 竞争后补助 as a subsidy for results already achieved (rate × eligible spend, capped; reviewed on its results;
/// one payment; no task contract, no acceptance) and 研发众包 as an open task whose solutions are compared side by side,
/// at most N accepted and each other one told why.
/// </summary>
public class PostSubsidyAndCrowdsourcingTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string EntA = "安庆华宁新材料科技有限公司";
    private const string Buct = "北京化工大学安庆研究院";
    private static readonly byte[] Pdf = "%PDF-1.4 test"u8.ToArray();

    [Fact]
    public async Task A_post_subsidy_goes_from_the_call_through_the_declared_spend_and_the_results_review_to_one_payment_and_its_end()
    {
        // The bureau adds the programme on the form: the rate is required for 竞争后补助 and must be in (0, 1].
        var bureau = await fx.SignInAsync("bureau");
        var callId = await fx.WithDbAsync(async (db, _) =>
        {
            var call = Call.Draft(2027, "竞争后补助全流程指南", fx.Clock.GetUtcNow());
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        var callUrl = $"/projects/calls/{callId}";
        var beijing = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        Dictionary<string, string> Programme(string rate) => new()
        {
            ["Name"] = "竞争后补助全流程专项", ["Mode"] = "PostSubsidy", ["Budget"] = "500", ["MaxAward"] = "200", ["SubsidyRate"] = rate,
            ["OpensAt"] = beijing.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["ClosesAt"] = beijing.AddDays(20).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["CapPerOrganization"] = "1", ["CapForEnterprises"] = "2", ["IsTackling"] = "true", ["RequiredAttachments"] = "申报书", ["AcceptedSolutions"] = "1",
        };
        foreach (var (rate, message) in new[] { ("", "补助比例"), ("1.5", "不超过1"), ("99999999999999999999999999999999999", "不是有效的") })
        {
            var refused = await bureau.PostFormAsync($"{callUrl}/programmes", Programme(rate), callUrl);
            refused.StatusCode.Should().Be(HttpStatusCode.OK, $"rate '{rate}' is refused on the form");
            var error = PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=SubsidyRate]")!.TextContent;
            error.Should().NotBeNullOrWhiteSpace().And.Contain(message);
        }

        (await bureau.PostFormAsync($"{callUrl}/programmes", Programme("0.3"), callUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var programmeId = await fx.WithDbAsync(async (db, _) =>
        {
            var call = await db.ProjectCalls.Include(c => c.Programmes).SingleAsync(c => c.Id == callId);
            call.Publish(fx.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return call.Programmes.Single().Id;
        });
        var terms = (await fx.WithDbAsync((db, _) => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId))).Terms;
        terms.SubsidyRate.Should().Be(0.3m);
        terms.RequiredAttachments.Should().Contain([PostSubsidies.AuditReport, PostSubsidies.Evidence]);
        (await fx.Anonymous().GetPageAsync($"/projects/programmes/{programmeId}")).QuerySelector("#programme-subsidy-rate")!.TextContent.Should().Contain("30%");

        // The enterprise applies: title and team on the application, the results and the audited spend on their own form.
        var ent = await fx.SignInAsync("ent.a");
        var url = (await ent.PostFormAsync($"/projects/applications/new?programmeId={programmeId}", [], "/projects/applications")).Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/').Last());
        (await ent.PostFormAsync(url, ApplicationRows.Expand(new()
        {
            ["Title"] = "高纯电子级催化剂成果后补助", ["Summary"] = "已完成高纯电子级催化剂研制并量产", ["Budget"] = "设备费,0,0",
            ["Team"] = "张工," + PersonalIds.CompleteIdNumber("34080219800101123"), ["Version"] = (await VersionAsync(id)).ToString(),
        }), url)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a post-subsidy draft has no milestones");
        (await ent.GetPageAsync(url)).QuerySelector("#results-form").Should().NotBeNull();

        Dictionary<string, string> Results(string audited, string eligible, DateOnly to) => new()
        {
            ["Content"] = "研制高纯电子级催化剂，纯度达到99.999%，已量产", ["ResultForm"] = "新产品、发明专利2项",
            ["From"] = Today().AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["To"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["AuditedSpend"] = audited, ["EligibleSpend"] = eligible,
        };
        foreach (var (fields, field, message) in new[]
                 {
                     (Results("500", "600", Today().AddMonths(-1)), "EligibleSpend", "不能超过经审计"),
                     (Results("500", "400", Today().AddDays(1)), "To", "申报之前结束"),
                     (Results("99999999999999999999999999999999999", "400", Today().AddMonths(-1)), "AuditedSpend", "不是有效的"),
                     (Results("90000000000", "400", Today().AddMonths(-1)), "AuditedSpend", "不超过"),
                 })
        {
            var refused = await ent.PostFormAsync($"{url}/results", fields, url);
            refused.StatusCode.Should().Be(HttpStatusCode.OK, $"bad {field} comes back on the page");
            PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector($"[data-valmsg-for={field}]")!.TextContent.Should().NotBeNullOrWhiteSpace()
                .And.Contain(message);
        }

        (await ent.PostFormAsync($"{url}/results", Results("500", "400", Today().AddMonths(-1)), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(id)).Requested.Should().Be(120m, "0.3 × 400");
        (await ent.GetPageAsync(url)).QuerySelector("#computed-subsidy")!.TextContent.Should().Contain("120.00");

        await ent.PostFormAsync($"{url}/submit", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await ent.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain(PostSubsidies.AuditReport);
        foreach (var kind in new[] { "申报书", PostSubsidies.AuditReport, PostSubsidies.Evidence })
        {
            await ent.PostMultipartAsync($"{url}/attachments", new() { ["kind"] = kind }, ("file", kind + ".pdf", Pdf), url);
        }

        await ent.PostFormAsync($"{url}/submit", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Submitted);

        await (await fx.SignInAsync("county.huaining")).PostFormAsync($"{url}/recommend", new() { ["recommend"] = "true", ["version"] = (await VersionAsync(id)).ToString() }, url);
        await bureau.PostFormAsync($"{url}/check", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Eligible);

        // The panel judges the results, on the results rubric.
        await bureau.PostFormAsync($"{url}/panel", [], url);
        var panelId = (await LoadAsync(id)).PanelId!.Value;
        var panel = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panelId));
        panel.SubjectKind.Should().Be("竞争后补助成果评审");
        panel.Rubric.Select(r => r.Name).Should().Contain(["成果先进性", "经济效益", "研发投入真实性"]);
        await PanelSteps.CloseAsync(fx, panelId, [26, 22, 22, 16], "成果先进，投入真实");
        await bureau.PostFormAsync($"{url}/score", [], url);

        // The decision: at most the computed subsidy.
        var rankingUrl = $"/projects/programmes/{programmeId}/ranking";
        (await bureau.GetPageAsync(rankingUrl)).QuerySelector("#subsidy-rule").Should().NotBeNull();
        await bureau.PostFormAsync($"{url}/decide", new() { ["approve"] = "true", ["amount"] = "130", ["version"] = (await VersionAsync(id)).ToString() }, rankingUrl);
        (await bureau.GetPageAsync(rankingUrl)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("120");
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Reviewed);
        await bureau.PostFormAsync($"{url}/decide", new() { ["approve"] = "true", ["amount"] = "120", ["version"] = (await VersionAsync(id)).ToString() }, rankingUrl);
        (await LoadAsync(id)).ApprovedAmount.Should().Be(120m);

        // Publicity, then the award.
        var publicityUrl = (await bureau.PostFormAsync($"/projects/programmes/{programmeId}/publicity", [], rankingUrl)).Headers.Location!.OriginalString;
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        fx.Clock.Advance(TimeSpan.FromDays(publicity.EndsOn.DayNumber - Today().DayNumber + 1));
        bureau = await fx.SignInAsync("bureau");
        await bureau.PostFormAsync($"{publicityUrl}/end", [], publicityUrl);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Awarded);

        // No task contract: the subsidy is released as one payment, with no milestones.
        (await bureau.GetPageAsync(url)).QuerySelector("#contract-heading")!.TextContent.Should().Be("下达补助");
        await bureau.PostFormAsync($"{url}/contract", [], url);
        var project = await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.ApplicationId == id));
        project.Mode.Should().Be(FundingMode.PostSubsidy);
        project.Milestones.Should().BeEmpty();
        project.Tranches.Should().ContainSingle().Which.Amount.Should().Be(120m);
        var projectUrl = $"/projects/awarded/{project.Id}";
        var page = await bureau.GetPageAsync(projectUrl);
        page.QuerySelector("#subsidy-rule").Should().NotBeNull();
        page.QuerySelector("#acceptance-panel-btn").Should().BeNull("no acceptance panel for a post subsidy");
        await bureau.PostFormAsync($"{projectUrl}/acceptance-panel", [], projectUrl);
        (await bureau.GetPageAsync(projectUrl)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("不再组织验收");

        await bureau.PostFormAsync($"{projectUrl}/disburse", new() { ["tranche"] = "1", ["amount"] = "60", ["reference"] = "BZ-1" }, projectUrl);
        (await bureau.GetPageAsync(projectUrl)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("一次性拨付");
        var paidOn = Today().AddDays(-1);
        await bureau.PostFormAsync($"{projectUrl}/disburse", new()
        {
            ["tranche"] = "1", ["amount"] = "120", ["reference"] = "BZ-2027-001", ["paidOn"] = paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, projectUrl);
        var paid = await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id));
        paid.Status.Should().Be(ProjectStatus.Concluded);
        paid.Disbursements.Should().ContainSingle().Which.Should().Be(new Disbursement(1, 120m, paidOn, "BZ-2027-001"));
        page = await bureau.GetPageAsync(projectUrl);
        page.QuerySelector("#project-status")!.TextContent.Should().Be("结题");
        page.QuerySelector("#acceptance-conclusion")!.TextContent.Should().Contain("一次性拨付").And.Contain("BZ-2027-001");
        page.QuerySelector("#disburse-form").Should().BeNull("paid once");
    }

    [Fact]
    public async Task Two_solutions_are_compared_side_by_side_one_accepted_and_the_other_told_why_and_only_its_applicant_reads_the_reason()
    {
        var now = fx.Clock.GetUtcNow();
        var (programmeId, accepted, rejected) = await fx.WithDbAsync(async (db, _) =>
        {
            var call = Call.Draft(2027, "研发众包比选指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("缺陷检测算法研发众包", FundingMode.Crowdsourcing, 300m, now.AddDays(-1), now.AddDays(2), 1, 2, true, [], null, 150m)
            {
                AcceptanceCriteria = "缺陷识别准确率≥95%，在企业产线现场测试通过", AcceptedSolutions = 1,
            }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            var ids = new List<Guid>();
            foreach (var (name, title) in new[] { (EntA, "方案甲：深度学习缺陷识别"), (Buct, "方案乙：传统视觉检测") })
            {
                var org = await db.Organizations.SingleAsync(o => o.Name == name);
                var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, org.Name == EntA, null, now);
                a.Edit(title, $"技术方案：{title}，含样机与测试方案", [new BudgetLine("开发费", 20m, 100m)], [new Milestone("现场测试", Today().AddMonths(6), "测试报告")], [],
                    [new TeamMember("李工", "KEY-LI-" + ids.Count)]);
                db.ProjectApplications.Add(a);
                ids.Add(a.Id);
            }

            await db.SaveChangesAsync();
            return (programme.Id, ids[0], ids[1]);
        });
        var ent = await fx.SignInAsync("ent.a");
        await ent.PostMultipartAsync($"/projects/applications/{accepted}/attachments", new() { ["kind"] = "其他材料" }, ("file", "方案甲说明.pdf", Pdf),
            $"/projects/applications/{accepted}");
        await fx.WithDbAsync(async (db, _) =>
        {
            var terms = (await db.Programmes.SingleAsync(p => p.Id == programmeId)).Terms;
            foreach (var a in await db.ProjectApplications.Where(a => a.ProgrammeId == programmeId).ToListAsync())
            {
                a.Submit(terms, now);
                a.Recommend(true, null);
                a.RecordFormalCheck([]);
                if (a.Id == accepted)
                {
                    a.AssignPanel(Guid.NewGuid());
                    a.RecordScore(88.5m);
                }
            }

            await db.SaveChangesAsync();
        });

        var solutionsUrl = $"/projects/programmes/{programmeId}/solutions";
        foreach (var user in new[] { "ent.a", "univ.buct", "county.huaining" })
        {
            (await (await fx.SignInAsync(user)).GetAsync(solutionsUrl)).StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{user} does not compare solutions");
        }

        var bureau = await fx.SignInAsync("bureau");
        (await bureau.GetAsync($"/projects/programmes/{Guid.NewGuid()}/solutions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = await bureau.GetPageAsync(solutionsUrl);
        page.QuerySelector("#acceptance-criteria")!.TextContent.Should().Contain("95%");
        page.QuerySelectorAll("#solutions-table tbody tr").Should().HaveCount(2);
        page.QuerySelector($"tr[data-solution='{accepted}']")!.TextContent.Should().Contain("方案甲").And.Contain("技术方案").And.Contain("方案甲说明.pdf").And.Contain("88.50");
        page.QuerySelector($"tr[data-solution='{rejected}']")!.TextContent.Should().Contain("方案乙").And.Contain("未评审");

        Dictionary<string, string> Choice(string a, string? amountA, string b, string? amountB = null, string? reasonB = null) => new()
        {
            ["Decisions[0].ApplicationId"] = accepted.ToString(), ["Decisions[0].Choice"] = a, ["Decisions[0].Amount"] = amountA ?? "",
            ["Decisions[1].ApplicationId"] = rejected.ToString(), ["Decisions[1].Choice"] = b, ["Decisions[1].Amount"] = amountB ?? "", ["Decisions[1].Reason"] = reasonB ?? "",
        };
        async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(Dictionary<string, string> choice)
        {
            var response = await bureau.PostFormAsync(solutionsUrl, choice, solutionsUrl);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "a refused choice comes back on the page");
            return PortalClient.Parse(await response.Content.ReadAsStringAsync());
        }

        // Before the window closes: no comparison yet.
        (await RefusedAsync(Choice("accept", "120", "reject", reasonB: "精度不足"))).QuerySelector("#solutions-errors")!.TextContent.Should().Contain("截止后才能比选");

        fx.Clock.Advance(TimeSpan.FromDays(3));
        bureau = await fx.SignInAsync("bureau");
        (await RefusedAsync(Choice("accept", "120", "accept", "100"))).QuerySelector("#solutions-errors")!.TextContent.Should().Contain("最多采纳 1 个");
        (await RefusedAsync(Choice("accept", "120", "reject"))).QuerySelector("[data-valmsg-for='Decisions[1].Reason']")!.TextContent.Should().Contain("须说明理由");
        (await RefusedAsync(Choice("accept", "120", ""))).QuerySelector("[data-valmsg-for='Decisions[1].Choice']")!.TextContent.Should().Contain("请选择");
        (await RefusedAsync(Choice("accept", "1000000", "reject", reasonB: "精度不足"))).QuerySelector("[data-valmsg-for='Decisions[0].Amount']")!.TextContent
            .Should().Contain("单项上限");
        (await RefusedAsync(Choice("accept", "99999999999999999999999999999999999", "reject", reasonB: "精度不足")))
            .QuerySelector("[data-valmsg-for='Decisions[0].Amount']")!.TextContent.Should().Contain("不是有效的");
        (await RefusedAsync(Choice("accept", "120", "reject", reasonB: new string('长', 401)))).QuerySelector("[data-valmsg-for='Decisions[1].Reason']")!.TextContent
            .Should().Contain("400");
        var foreign = Choice("accept", "120", "reject", reasonB: "精度不足");
        (foreign["Decisions[2].ApplicationId"], foreign["Decisions[2].Choice"], foreign["Decisions[2].Reason"]) = (Guid.NewGuid().ToString(), "reject", "x");
        (await RefusedAsync(foreign)).QuerySelector("#solutions-errors")!.TextContent.Should().Contain("不在待决定之列");
        (await LoadAsync(accepted)).Status.Should().Be(ApplicationStatus.Reviewed, "nothing was applied while the choice was refused");
        (await LoadAsync(rejected)).Status.Should().Be(ApplicationStatus.Eligible);

        const string reason = "未达到缺陷识别准确率95%的验收标准";
        (await bureau.PostFormAsync(solutionsUrl, Choice("accept", "120", "reject", reasonB: reason), solutionsUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(accepted)).Should().Match<ProjectApplication>(a => a.Status == ApplicationStatus.Approved && a.ApprovedAmount == 120m);
        (await LoadAsync(rejected)).Should().Match<ProjectApplication>(a => a.Status == ApplicationStatus.NotApproved && a.Remark == "未被采纳：" + reason);
        (await bureau.GetPageAsync(solutionsUrl)).QuerySelector("#decide-solutions").Should().BeNull("every solution is decided");

        // The rejected applicant reads why, on its page and in a message; the accepted one does not see the other's reason.
        var buct = await fx.SignInAsync("univ.buct");
        (await buct.GetPageAsync($"/projects/applications/{rejected}")).QuerySelector("#application-remark")!.TextContent.Should().Be("未被采纳：" + reason);
        ent = await fx.SignInAsync("ent.a");
        (await ent.GetAsync($"/projects/applications/{rejected}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var own = await ent.GetPageAsync($"/projects/applications/{accepted}");
        own.Body!.TextContent.Should().NotContain(reason);
        own.QuerySelector("#application-status")!.TextContent.Should().Be("拟立项（公示）");
        var messages = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking()
            .Join(db.Users.AsNoTracking(), n => n.RecipientUserId, u => u.Id, (n, u) => new { n.Title, n.Body, u.OrganizationId })
            .Join(db.Organizations.AsNoTracking(), x => x.OrganizationId, o => o.Id, (x, o) => new { x.Title, x.Body, o.Name })
            .Where(x => x.Title.StartsWith("研发众包方案")).ToListAsync());
        messages.Should().Contain(m => m.Name == Buct && m.Title == "研发众包方案未被采纳" && m.Body.Contains(reason));
        messages.Should().Contain(m => m.Name == EntA && m.Title == "研发众包方案被采纳" && !m.Body.Contains(reason));
        messages.Where(m => m.Name == EntA).Should().NotContain(m => m.Body.Contains(reason));

        // The accepted solution goes on as every approval: publicity, award, a task contract paid after acceptance.
        var publicityUrl = (await bureau.PostFormAsync($"/projects/programmes/{programmeId}/publicity", [], solutionsUrl)).Headers.Location!.OriginalString;
        var listed = (await fx.Anonymous().GetPageAsync(publicityUrl)).QuerySelector("#publicity-table")!.TextContent;
        listed.Should().Contain("方案甲").And.NotContain("方案乙");
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        fx.Clock.Advance(TimeSpan.FromDays(publicity.EndsOn.DayNumber - Today().DayNumber + 1));
        bureau = await fx.SignInAsync("bureau");
        await bureau.PostFormAsync($"{publicityUrl}/end", [], publicityUrl);
        (await LoadAsync(accepted)).Status.Should().Be(ApplicationStatus.Awarded);
        (await LoadAsync(rejected)).Status.Should().Be(ApplicationStatus.NotApproved);
    }

    private DateOnly Today() => DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);

    private Task<uint> VersionAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private Task<ProjectApplication> LoadAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));
}
