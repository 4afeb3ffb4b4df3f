using System.Net;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Organizations;

public class RegistrationTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static int _serial = 1000;
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private static string NewCode(string region = "340822") => CreditCode.Complete($"91{region}MA2N{Interlocked.Increment(ref _serial):D5}");

    private static Dictionary<string, string> Form(string userName, string code, string region = "340822", string name = "怀宁县测试科技有限公司") => new()
    {
        ["Kind"] = nameof(OrganizationKind.Enterprise),
        ["OrganizationName"] = name,
        ["CreditCode"] = code,
        ["RegionCode"] = region,
        ["Address"] = "安庆市怀宁县高河镇",
        ["ContactName"] = "王五",
        ["ContactPhone"] = "13805561234",
        ["UserName"] = userName,
        ["DisplayName"] = "王五",
        ["Password"] = "Reg#Pass2026",
        ["ConfirmPassword"] = "Reg#Pass2026",
        ["AcceptPrivacyNotice"] = "true",
    };

    private async Task<(HttpResponseMessage Response, PortalClient Client)> RegisterAsync(Dictionary<string, string> form, (string, string, byte[])? file = null)
    {
        var client = fx.Anonymous();
        var response = await client.PostMultipartAsync("/account/register", form, file, "/account/register");
        return (response, client);
    }

    private Task<Organization?> FindAsync(string code) => fx.WithDbAsync((db, _) => db.Organizations.SingleOrDefaultAsync(o => o.CreditCode == code));

    [Fact]
    public async Task An_enterprise_registers_and_its_county_approves_it_and_the_applicant_is_told()
    {
        var code = NewCode();
        var (response, applicant) = await RegisterAsync(Form("reg.approve", code), ("Licence", "营业执照.pdf", Pdf));
        response.Headers.Location!.OriginalString.Should().Be("/workspace");
        (await applicant.GetPageAsync("/workspace")).QuerySelector("#registration-pending").Should().NotBeNull();
        (await applicant.GetAsync("/organizations")).Headers.Location!.OriginalString.Should().Be("/workspace", "a pending organization only sees its workspace");

        var organization = (await FindAsync(code))!;
        organization.Status.Should().Be(OrganizationStatus.Pending);

        var county = await fx.As("county.huaining");
        var todo = await county.GetPageAsync("/workspace");
        todo.QuerySelector("#todo-list")!.TextContent.Should().Contain("待审核的单位注册申请");
        var list = await county.GetPageAsync("/organizations?status=Pending");
        list.QuerySelector("#organization-table")!.TextContent.Should().Contain("怀宁县测试科技有限公司");

        var details = await county.GetPageAsync($"/organizations/{organization.Id}");
        details.QuerySelector("#licence-link").Should().NotBeNull();
        var approve = await county.PostFormAsync($"/organizations/{organization.Id}/approve", new() { ["Version"] = organization.Version.ToString() });
        approve.Headers.Location!.OriginalString.Should().Be($"/organizations/{organization.Id}");

        (await FindAsync(code))!.Status.Should().Be(OrganizationStatus.Active);
        fx.Clock.Advance(TimeSpan.FromSeconds(61)); // the applicant's cookie refreshes its organization status
        var workspace = await applicant.GetPageAsync("/workspace");
        workspace.QuerySelector("#registration-pending").Should().BeNull();
        (await applicant.GetPageAsync("/messages")).QuerySelector("#message-list")!.TextContent.Should().Contain("单位注册审核通过");
    }

    [Fact]
    public async Task A_rejected_applicant_sees_the_reason_corrects_and_resubmits()
    {
        var code = NewCode();
        var (_, applicant) = await RegisterAsync(Form("reg.reject", code));
        var organization = (await FindAsync(code))!;

        var county = await fx.As("county.huaining");
        var noReason = await county.PostFormAsync($"/organizations/{organization.Id}/reject", new() { ["Version"] = organization.Version.ToString(), ["Reason"] = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FindAsync(code))!.Status.Should().Be(OrganizationStatus.Pending, "a rejection needs a reason");

        await county.PostFormAsync($"/organizations/{organization.Id}/reject", new() { ["Version"] = organization.Version.ToString(), ["Reason"] = "营业执照扫描件不清晰" });
        (await FindAsync(code))!.Status.Should().Be(OrganizationStatus.Rejected);

        fx.Clock.Advance(TimeSpan.FromSeconds(61));
        var workspace = await applicant.GetPageAsync("/workspace");
        workspace.QuerySelector("#registration-rejected")!.TextContent.Should().Contain("营业执照扫描件不清晰");

        var correction = Form("reg.reject", code, name: "怀宁县测试科技有限公司（更正）");
        correction.Remove("Kind"); // the page shows the kind disabled: browsers do not post it
        var resubmit = await applicant.PostMultipartAsync("/account/registration", correction, ("Licence", "licence.pdf", Pdf), "/account/registration");
        resubmit.Headers.Location!.OriginalString.Should().Be("/workspace");
        var corrected = (await FindAsync(code))!;
        corrected.Status.Should().Be(OrganizationStatus.Pending);
        corrected.Name.Should().Be("怀宁县测试科技有限公司（更正）");
    }

    [Fact]
    public async Task Another_county_cannot_see_or_decide_the_registration()
    {
        var code = NewCode();
        await RegisterAsync(Form("reg.foreign", code));
        var organization = (await FindAsync(code))!;
        var other = await fx.As("county.qianshan");

        (await other.GetAsync($"/organizations/{organization.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/organizations/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostFormAsync($"/organizations/{organization.Id}/approve", new() { ["Version"] = organization.Version.ToString() }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/organizations")).QuerySelector("#organization-table")!.TextContent.Should().NotContain("怀宁县测试科技有限公司");
        (await FindAsync(code))!.Status.Should().Be(OrganizationStatus.Pending);
        if (organization.LicenceAttachmentId is { } licence)
        {
            (await other.GetAsync($"/attachments/{licence}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_badly_formed_credit_code_is_an_error_next_to_the_field_and_nothing_is_saved()
    {
        var (response, _) = await RegisterAsync(Form("reg.badcode", "91340822MA2N0ZZZ"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=CreditCode]")!.TextContent.Should().Contain("格式不正确");
        page.QuerySelector("#OrganizationName")!.GetAttribute("value").Should().Be("怀宁县测试科技有限公司", "what the applicant typed is kept");
        (await fx.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.UserName == "reg.badcode"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_wrong_check_digit_is_a_warning_the_applicant_confirms_and_the_admin_must_clear_before_approval()
    {
        var good = NewCode();
        var wrong = good[..17] + (good[17] == 'A' ? 'B' : 'A');
        var (first, _) = await RegisterAsync(Form("reg.checksum", wrong));
        PortalClient.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=CreditCode]")!.TextContent.Should().Contain("校验位不符");

        var confirmed = Form("reg.checksum", wrong);
        confirmed["ConfirmChecksum"] = "true";
        (await RegisterAsync(confirmed)).Response.Headers.Location!.OriginalString.Should().Be("/workspace");
        var organization = (await FindAsync(wrong))!;
        organization.HasChecksumWarning.Should().BeTrue();

        var county = await fx.As("county.huaining");
        await county.PostFormAsync($"/organizations/{organization.Id}/approve", new() { ["Version"] = organization.Version.ToString() });
        (await FindAsync(wrong))!.Status.Should().Be(OrganizationStatus.Pending, "an unchecked code blocks approval");

        var admin = await fx.As("bureau.admin");
        (await county.PostFormAsync($"/organizations/{organization.Id}/override-checksum", new() { ["Version"] = organization.Version.ToString() }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the bureau admin clears a code");
        await admin.PostFormAsync($"/organizations/{organization.Id}/override-checksum", new() { ["Version"] = organization.Version.ToString() });
        var cleared = (await FindAsync(wrong))!;
        await county.PostFormAsync($"/organizations/{organization.Id}/approve", new() { ["Version"] = cleared.Version.ToString() });
        (await FindAsync(wrong))!.Status.Should().Be(OrganizationStatus.Active);
    }

    [Fact]
    public async Task A_credit_code_registers_only_once()
    {
        var code = NewCode();
        await RegisterAsync(Form("reg.dup1", code));
        var (response, _) = await RegisterAsync(Form("reg.dup2", code));
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=CreditCode]")!.TextContent.Should().Contain("已注册");
    }

    [Fact]
    public async Task An_executable_named_pdf_is_refused_by_its_content()
    {
        var code = NewCode();
        var (response, _) = await RegisterAsync(Form("reg.exe", code), ("Licence", "营业执照.pdf", Exe));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Licence]")!.TextContent.Should().Contain("按文件内容判断");
        (await FindAsync(code)).Should().BeNull();
    }

    [Fact]
    public async Task A_licence_downloads_as_an_attachment_to_those_who_may_see_the_organization()
    {
        var code = NewCode();
        var (_, applicant) = await RegisterAsync(Form("reg.file", code), ("Licence", "../../etc/营业执照.pdf", Pdf));
        var organization = (await FindAsync(code))!;
        var url = $"/attachments/{organization.LicenceAttachmentId}";

        var county = await fx.As("county.huaining");
        var download = await county.GetAsync(url);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.ToString().Should().StartWith("attachment").And.NotContain("..").And.NotContain("/");
        download.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        (await applicant.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "the applicant sees its own licence");
        (await (await fx.As("ent.b")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fx.Anonymous().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Missing_fields_are_reported_in_chinese_next_to_each_field()
    {
        var (response, _) = await RegisterAsync(new Dictionary<string, string> { ["Kind"] = "Enterprise" });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=OrganizationName]")!.TextContent.Should().Be("请填写单位名称");
        page.QuerySelector("[data-valmsg-for=UserName]")!.TextContent.Should().Be("请填写管理员用户名");
        page.QuerySelector("[data-valmsg-for=AcceptPrivacyNotice]")!.TextContent.Should().Be("请勾选“我已阅读并同意《个人信息处理告知书》”");
    }
}
