using System.Net;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §8: the application's budget, milestones, team, partners and avoidance requests are table rows, checked row by
/// row and in sum on the server; an upload saves what was typed first.
/// </summary>
public class ApplicationFormTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();
    private static readonly string Partner = CreditCode.Complete("91340800MA2P00001");
    private static readonly string MemberId = PersonalIds.CompleteIdNumber("34080219800101123");

    private async Task<Guid> DraftAsync(string title)
    {
        var programme = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var call = Call.Draft(2027, title + "指南", now);
            var p = call.AddProgramme(new ProgrammeTerms(title, FundingMode.Crowdsourcing, 500m, now.AddDays(-5), now.AddDays(10), 1, 1, true, ["申报书"], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var client = await fx.As("ent.b");
        var created = await client.PostFormAsync($"/projects/applications/new?programmeId={programme}", [], "/projects/applications");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<uint> VersionAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private Task<ProjectApplication> LoadAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<Dictionary<string, string>> FormAsync(Guid id, string title, string budget) => ApplicationRows.Expand(new()
    {
        ["Title"] = title, ["Summary"] = "研制新型催化剂并完成中试", ["Budget"] = budget, ["Milestones"] = "完成中试,2027-12-31,中试报告",
        ["Team"] = "张工," + MemberId, ["Version"] = (await VersionAsync(id)).ToString(),
    });

    [Fact]
    public async Task Budget_rows_are_bound_a_wrong_row_is_named_next_to_its_cell_with_every_typed_value_kept_and_the_sum_is_checked()
    {
        var id = await DraftAsync("表格预算测试专项");
        var client = await fx.As("ent.b");
        var url = $"/projects/applications/{id}";

        // Row 2 has a wrong amount: the page comes back with the message on that cell and every row as typed; nothing saved.
        var wrong = await client.PostFormAsync(url, await FormAsync(id, "表格预算测试项目", "设备费,30,20\n材料费,十,10\n,,\n测试费,5,7.5"), url);
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = Parser.ParseDocument(await wrong.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Budget[1].Own']")!.TextContent.Should().Contain("金额");
        page.QuerySelector("#Budget_1_Own")!.GetAttribute("value").Should().Be("十");
        page.QuerySelector("#Budget_0_Category")!.GetAttribute("value").Should().Be("设备费");
        page.QuerySelector("#Budget_3_Requested")!.GetAttribute("value").Should().Be("7.5");
        page.QuerySelector("#Title")!.GetAttribute("value").Should().Be("表格预算测试项目");
        page.QuerySelector("#Milestones_0_Name")!.GetAttribute("value").Should().Be("完成中试");
        (await LoadAsync(id)).Title.Should().BeEmpty("a refused form saves nothing");

        // The requested total over the programme's cap (100 万元) is refused under the table.
        var over = await client.PostFormAsync(url, await FormAsync(id, "表格预算测试项目", "设备费,30,60\n材料费,10,40.5"), url);
        var overPage = Parser.ParseDocument(await over.Content.ReadAsStringAsync());
        overPage.QuerySelector("[data-valmsg-for='BudgetTotal']")!.TextContent.Should().Contain("100.5").And.Contain("单项上限 100");
        overPage.QuerySelector("#budget-table-sum-Requested")!.TextContent.Should().Be("100.5", "the server shows the sums before any script");

        // A category without an amount is not a line; blank rows are skipped; the right form saves the rows in order.
        (await client.PostFormAsync(url, await FormAsync(id, "表格预算测试项目", "设备费,30,20\n材料费,10,10\n,,\n测试化验加工费,,\n测试费,5,7.5"), url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await LoadAsync(id);
        saved.Budget.Should().Equal(new BudgetLine("设备费", 30m, 20m), new BudgetLine("材料费", 10m, 10m), new BudgetLine("测试费", 5m, 7.5m));
        saved.OwnFunds.Should().Be(45m);
        saved.Requested.Should().Be(37.5m);
        saved.Milestones.Should().ContainSingle().Which.Due.Should().Be(new DateOnly(2027, 12, 31));
        saved.Team.Should().ContainSingle().Which.Name.Should().Be("张工");

        var reread = await client.GetPageAsync(url);
        reread.QuerySelector("#Budget_2_Category")!.GetAttribute("value").Should().Be("测试费");
        reread.QuerySelector("#Team_0_IdNumber")!.GetAttribute("value").Should().Be("已加密保存", "the ID number is never shown back");
        reread.QuerySelector("#budget-table-total")!.TextContent.Should().Be("82.5");

        // A wrong milestone date and a wrong ID number are named on their row too.
        var rows = await FormAsync(id, "表格预算测试项目", "设备费,30,20");
        rows["Milestones[0].Due"] = "2027-13-01";
        rows["Team[0].IdNumber"] = "340802198001011234";
        var badRows = Parser.ParseDocument(await (await client.PostFormAsync(url, rows, url)).Content.ReadAsStringAsync());
        badRows.QuerySelector("[data-valmsg-for='Milestones[0].Due']")!.TextContent.Should().Contain("完成日期");
        badRows.QuerySelector("[data-valmsg-for='Team[0].IdNumber']")!.TextContent.Should().Contain("身份证号");
    }

    [Fact]
    public async Task Partners_and_avoidance_requests_are_stored_and_shown_the_avoid_list_only_to_the_applicant_and_the_bureau()
    {
        var id = await DraftAsync("合作单位测试专项");
        var client = await fx.As("ent.b");
        var url = $"/projects/applications/{id}";
        var form = await FormAsync(id, "合作单位测试项目", "设备费,30,20");
        form["Partners[0].Name"] = "";
        form["Partners[0].CreditCode"] = "";
        form["Partners[1].Name"] = "安庆石化研究院";
        form["Partners[1].CreditCode"] = Partner[..17] + (Partner[17] == '0' ? '1' : '0');
        form["AvoidRequests[0].ExpertName"] = "王某";
        form["AvoidRequests[0].EmployerName"] = "某大学";
        form["AvoidRequests[0].Reason"] = "";

        var refused = Parser.ParseDocument(await (await client.PostFormAsync(url, form, url)).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-valmsg-for='Partners[1].CreditCode']")!.TextContent.Should().Contain("校验位", "the error is on the row as posted, after a blank one");
        refused.QuerySelector("[data-valmsg-for='AvoidRequests[0].Reason']")!.TextContent.Should().Contain("理由");
        refused.QuerySelector("#Partners_1_Name")!.GetAttribute("value").Should().Be("安庆石化研究院");

        form["Partners[1].CreditCode"] = Partner.ToLowerInvariant();
        form["AvoidRequests[0].Reason"] = "曾有学术争议";
        for (var i = 1; i <= 3; i++)
        {
            form[$"AvoidRequests[{i}].ExpertName"] = $"专家{i}";
            form[$"AvoidRequests[{i}].EmployerName"] = "某研究所";
            form[$"AvoidRequests[{i}].Reason"] = "竞争关系";
        }

        var four = Parser.ParseDocument(await (await client.PostFormAsync(url, form, url)).Content.ReadAsStringAsync());
        four.QuerySelector("[data-valmsg-for='AvoidRequests']")!.TextContent.Should().Contain("不超过3名");
        form.Remove("AvoidRequests[3].ExpertName");
        form.Remove("AvoidRequests[3].EmployerName");
        form.Remove("AvoidRequests[3].Reason");
        (await client.PostFormAsync(url, form, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var saved = await LoadAsync(id);
        saved.Partners.Should().Equal(new PartnerUnit("安庆石化研究院", Partner));
        saved.AvoidRequests.Should().HaveCount(3);
        saved.AvoidRequests[0].Should().Be(new AvoidRequest("王某", "某大学", "曾有学术争议"));

        await client.PostFormAsync($"{url}/submit", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Submitted);
        var own = await client.GetPageAsync(url);
        own.QuerySelector("#application-partners")!.TextContent.Should().Contain("安庆石化研究院").And.Contain(Partner);
        own.QuerySelector("#application-avoid")!.TextContent.Should().Contain("王某").And.Contain("曾有学术争议");
        var bureau = await (await fx.As("bureau")).GetPageAsync(url);
        bureau.QuerySelector("#application-avoid")!.TextContent.Should().Contain("王某");
        var county = await (await fx.As("county.qianshan")).GetPageAsync(url);
        county.QuerySelector("#application-partners")!.TextContent.Should().Contain("安庆石化研究院");
        county.QuerySelector("#application-avoid").Should().BeNull("the county that recommends does not see whom the applicant avoids");
        county.Body!.TextContent.Should().NotContain("曾有学术争议");
    }

    [Fact]
    public async Task An_upload_saves_the_typed_but_unsaved_title_and_summary_first_and_a_wrong_form_uploads_nothing()
    {
        var id = await DraftAsync("上传保留测试专项");
        var client = await fx.As("ent.b");
        var url = $"/projects/applications/{id}";
        (await client.PostFormAsync(url, await FormAsync(id, "保存过的名称", "设备费,30,20"), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The name and summary are retyped, not saved, and a file is uploaded with 保存并上传.
        var typed = await FormAsync(id, "上传前新改的名称", "设备费,30,20\n材料费,5,5");
        typed["Summary"] = "上传前新写的主要内容";
        typed["kind"] = "申报书";
        var uploaded = await client.PostMultipartAsync($"{url}/attachments", typed, ("file", "申报书.pdf", Pdf), url);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await LoadAsync(id);
        saved.Title.Should().Be("上传前新改的名称");
        saved.Summary.Should().Be("上传前新写的主要内容");
        saved.Budget.Should().HaveCount(2);
        saved.AttachedKinds.Should().Contain("申报书");
        (await fx.WithDbAsync((db, _) => db.Attachments.CountAsync(a => a.OwnerId == id))).Should().Be(1);
        var page = await client.GetPageAsync(url);
        page.QuerySelector("#Title")!.GetAttribute("value").Should().Be("上传前新改的名称");
        page.QuerySelector("#application-files")!.TextContent.Should().Contain("申报书");

        // A file refused after the draft is saved: the typed text is kept, the reason is the message.
        var second = await FormAsync(id, "再次修改的名称", "设备费,30,20");
        second["kind"] = "申报书";
        var notPdf = await client.PostMultipartAsync($"{url}/attachments", second, ("file", "假的.pdf", "not a pdf"u8.ToArray()), url);
        notPdf.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(id)).Title.Should().Be("再次修改的名称");
        (await fx.WithDbAsync((db, _) => db.Attachments.CountAsync(a => a.OwnerId == id))).Should().Be(1);

        // A wrong row: the page comes back with the typed values and the error; neither the draft nor the file is saved.
        var wrong = await FormAsync(id, "错误表单的名称", "设备费,三十,20");
        wrong["kind"] = "申报书";
        var refused = await client.PostMultipartAsync($"{url}/attachments", wrong, ("file", "申报书2.pdf", Pdf), url);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusedPage = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        refusedPage.QuerySelector("#Title")!.GetAttribute("value").Should().Be("错误表单的名称");
        refusedPage.QuerySelector("[data-valmsg-for='Budget[0].Own']")!.TextContent.Should().Contain("金额");
        refusedPage.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("附件未上传");
        (await LoadAsync(id)).Title.Should().Be("再次修改的名称");
        (await fx.WithDbAsync((db, _) => db.Attachments.CountAsync(a => a.OwnerId == id))).Should().Be(1);
    }
}
