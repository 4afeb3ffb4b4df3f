using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>Issue 23 §8: a call's body text and guide document, public once published; programmes editable until then.</summary>
public class CallTextTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private async Task<(Guid Call, Guid Programme)> DraftCallAsync(string title)
    {
        var bureau = await fx.As("bureau");
        var created = await bureau.PostFormAsync("/projects/calls/new", new()
        {
            ["Year"] = "2027", ["Title"] = title, ["Body"] = "一、支持方向\r\n围绕新材料、生物医药等产业。\r\n\r\n二、申报条件\r\n在安庆市注册的企业和高校院所。",
        }, "/projects/calls/new");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var callId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var now = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        (await bureau.PostFormAsync($"/projects/calls/{callId}/programmes", new()
        {
            ["Name"] = title + "专项", ["Mode"] = "Crowdsourcing", ["AcceptanceCriteria"] = "按任务要求完成验收", ["Budget"] = "1000", ["MaxAward"] = "200", ["OpensAt"] = now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"),
            ["ClosesAt"] = now.AddDays(20).ToString("yyyy-MM-ddTHH:mm"), ["CapPerOrganization"] = "1", ["CapForEnterprises"] = "2", ["RequiredAttachments"] = "申报书",
        }, $"/projects/calls/{callId}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var programme = await fx.WithDbAsync((db, _) => db.Programmes.Where(p => p.CallId == callId).Select(p => p.Id).SingleAsync());
        return (callId, programme);
    }

    private Task<uint> CallVersionAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectCalls.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

    [Fact]
    public async Task The_body_and_the_guide_are_public_once_the_call_is_published_and_not_found_before()
    {
        var (callId, programme) = await DraftCallAsync("正文测试指南");
        var bureau = await fx.As("bureau");
        var call = await fx.WithDbAsync((db, _) => db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Id == callId));
        call.Paragraphs.Should().Equal("一、支持方向", "围绕新材料、生物医药等产业。", "二、申报条件", "在安庆市注册的企业和高校院所。");

        // The guide: a PDF (or Word) only.
        (await bureau.PostMultipartAsync($"/projects/calls/{callId}/guide", [], ("file", "指南.txt", "plain text"u8.ToArray()), $"/projects/calls/{callId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Id == callId))).Guide.Should().BeNull();
        (await bureau.PostMultipartAsync($"/projects/calls/{callId}/guide", [], ("file", "2027年度申报指南.pdf", Pdf), $"/projects/calls/{callId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Id == callId))).Guide!.FileName.Should().Be("2027年度申报指南.pdf");

        // Before publication: the bureau reads it, nobody else finds it.
        var anonymous = fx.Anonymous();
        (await anonymous.GetAsync($"/projects/calls/{callId}/guide")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.a")).GetAsync($"/projects/calls/{callId}/guide")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bureau.GetAsync($"/projects/calls/{callId}/guide")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await bureau.PostFormAsync($"/projects/calls/{callId}/publish", new() { ["version"] = (await CallVersionAsync(callId)).ToString() }, $"/projects/calls/{callId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var download = await anonymous.GetAsync($"/projects/calls/{callId}/guide");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        download.Content.Headers.ContentDisposition!.ToString().Should().Contain("attachment");

        var page = await anonymous.GetPageAsync($"/projects/programmes/{programme}");
        var body = page.QuerySelector("#call-body")!;
        body.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Should().Contain(["一、支持方向", "在安庆市注册的企业和高校院所。"]);
        body.QuerySelector("#guide-link")!.GetAttribute("href").Should().Be($"/projects/calls/{callId}/guide");
        (await anonymous.GetPageAsync("/projects")).Body!.TextContent.Should().Contain("围绕新材料、生物医药等产业。");

        // After publication the text and the guide are fixed.
        (await bureau.PostFormAsync($"/projects/calls/{callId}/text", new() { ["Title"] = "发布后改名", ["Body"] = "新正文" }, $"/projects/calls/{callId}"))
            .StatusCode.Should().Be(HttpStatusCode.OK, "refused on the page, in Chinese");
        (await fx.WithDbAsync((db, _) => db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Id == callId))).Title.Should().Be("正文测试指南");
    }

    [Fact]
    public async Task The_bureau_edits_a_programme_until_the_call_is_published_then_the_edit_is_refused_and_its_button_gone()
    {
        var (callId, programme) = await DraftCallAsync("专项修改测试指南");
        var bureau = await fx.As("bureau");
        var draftPage = await bureau.GetPageAsync($"/projects/programmes/{programme}");
        draftPage.QuerySelector("#edit-programme").Should().NotBeNull();
        var edit = await bureau.GetPageAsync($"/projects/programmes/{programme}/edit");
        edit.QuerySelector("#Name")!.GetAttribute("value").Should().Be("专项修改测试指南专项");
        var opens = edit.QuerySelector("#OpensAt")!.GetAttribute("value")!;
        var closes = edit.QuerySelector("#ClosesAt")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>
        {
            ["Name"] = "修改后的专项", ["Mode"] = "Crowdsourcing", ["AcceptanceCriteria"] = "按任务要求完成验收", ["Budget"] = "800", ["MaxAward"] = "900", ["OpensAt"] = opens, ["ClosesAt"] = closes,
            ["CapPerOrganization"] = "1", ["CapForEnterprises"] = "2", ["RequiredAttachments"] = "申报书\n查新报告",
        };

        // A broken rule comes back next to its field.
        var wrong = await bureau.PostFormAsync($"/projects/programmes/{programme}/edit", form, $"/projects/programmes/{programme}/edit");
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("单项上限不超过预算");

        form["MaxAward"] = "150";
        (await bureau.PostFormAsync($"/projects/programmes/{programme}/edit", form, $"/projects/programmes/{programme}/edit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var terms = await fx.WithDbAsync((db, _) => db.Programmes.AsNoTracking().Where(p => p.Id == programme).Select(p => p.Terms).SingleAsync());
        terms.Name.Should().Be("修改后的专项");
        terms.Budget.Should().Be(800m);
        terms.MaxAward.Should().Be(150m);
        terms.RequiredAttachments.Should().Equal("申报书", "查新报告");
        terms.OpensAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm").Should().Be(opens, "times round-trip in Beijing time");

        (await bureau.PostFormAsync($"/projects/calls/{callId}/publish", new() { ["version"] = (await CallVersionAsync(callId)).ToString() }, $"/projects/calls/{callId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await bureau.GetPageAsync($"/projects/programmes/{programme}")).QuerySelector("#edit-programme").Should().BeNull();
        (await bureau.GetPageAsync($"/projects/calls/{callId}")).QuerySelectorAll("#programme-table a").Should().BeEmpty("no 修改 link once published");

        var refusedGet = await bureau.GetAsync($"/projects/programmes/{programme}/edit");
        refusedGet.StatusCode.Should().Be(HttpStatusCode.Redirect);
        form["Name"] = "发布后再改";
        var refused = await bureau.PostFormAsync($"/projects/programmes/{programme}/edit", form, $"/projects/programmes/{programme}");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("指南已发布，专项不能再修改");
        (await fx.WithDbAsync((db, _) => db.Programmes.AsNoTracking().Where(p => p.Id == programme).Select(p => p.Terms).SingleAsync())).Name.Should().Be("修改后的专项");
        (await (await fx.As("ent.a")).GetAsync($"/projects/programmes/{programme}/edit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
