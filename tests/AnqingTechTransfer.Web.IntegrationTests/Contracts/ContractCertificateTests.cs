using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>Issue 22 point 6: the registration certificate as a PDF anyone can verify, and the public verify page.</summary>
public class ContractCertificateTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private sealed record Registered(Guid Id, string Number, string Code, string ProjectName, TechContractType Type, string Seller, string Buyer,
        decimal ContractAmount, decimal TechAmount);

    /// <summary>A demo contract ent.a filed and the point registered (registered on the portal, not imported).</summary>
    private Task<Registered> RegisteredByEntAAsync() => fx.WithDbAsync(async (db, _) =>
    {
        var entA = await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.OrganizationId).SingleAsync();
        var contract = await db.TechContracts.AsNoTracking()
            .Where(c => c.FilerOrganizationId == entA && c.Status == ContractStatus.Registered && !c.IsImported)
            .OrderBy(c => c.RegistrationNumber).FirstAsync();
        return new Registered(contract.Id, contract.RegistrationNumber!, contract.VerificationCode!, contract.ProjectName, contract.Type,
            contract.Seller.Name, contract.Buyer.Name, contract.ContractAmount, contract.TechAmount);
    });

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task The_filer_downloads_the_certificate_as_a_PDF_whose_text_holds_the_number_the_parties_the_amounts_and_the_verify_address()
    {
        var contract = await RegisteredByEntAAsync();
        var response = await (await fx.As("ent.a")).GetAsync($"/contracts/{contract.Id}/certificate.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.Should().Be(1);
        var text = Squeeze(string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));

        text.Should().Contain("技术合同登记证明");
        text.Should().Contain(contract.Number).And.Contain(contract.Code);
        text.Should().Contain(Squeeze(contract.Seller)).And.Contain(Squeeze(contract.Buyer));
        text.Should().Contain(Squeeze(Display.WanYuan(contract.ContractAmount))).And.Contain(Squeeze(Display.WanYuan(contract.TechAmount)));
        text.Should().Contain($"https://portal.anqing.test/contracts/verify?number={contract.Number}&code={contract.Code}",
            "the full verify address, built from the request, is printed (and is what the QR code holds)");
    }

    [Fact]
    public async Task The_certificate_page_shows_the_full_verify_address_a_QR_code_a_PDF_link_and_a_print_button()
    {
        var contract = await RegisteredByEntAAsync();
        var page = await (await fx.As("ent.a")).GetPageAsync($"/contracts/{contract.Id}/certificate");

        var address = $"https://portal.anqing.test/contracts/verify?number={contract.Number}&code={contract.Code}";
        page.QuerySelector("#verify-url")!.TextContent.Trim().Should().Be(address);
        page.QuerySelector("#verify-url")!.GetAttribute("href").Should().Be(address);
        page.QuerySelector("#certificate-pdf")!.GetAttribute("href").Should().Be($"/contracts/{contract.Id}/certificate.pdf");
        page.QuerySelector("#certificate-print")!.HasAttribute("data-print").Should().BeTrue();
        page.QuerySelector("#certificate-qr path")!.GetAttribute("d").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_anonymous_visitor_opening_the_QR_address_sees_the_parties_the_type_and_the_registered_amounts()
    {
        var contract = await RegisteredByEntAAsync();
        var anonymous = fx.Anonymous();

        var page = await anonymous.GetPageAsync($"https://portal.anqing.test/contracts/verify?number={contract.Number}&code={contract.Code}");

        page.QuerySelector("#number")!.GetAttribute("value").Should().Be(contract.Number, "the form is prefilled from the address");
        page.QuerySelector("#code")!.GetAttribute("value").Should().Be(contract.Code);
        page.QuerySelector("#verify-result")!.TextContent.Should().Contain("登记证明真实有效");
        page.QuerySelector("#verify-seller")!.TextContent.Should().Be(contract.Seller);
        page.QuerySelector("#verify-buyer")!.TextContent.Should().Be(contract.Buyer);
        page.QuerySelector("#verify-type")!.TextContent.Should().StartWith(contract.Type.Name());
        page.QuerySelector("#verify-contract-amount")!.TextContent.Should().Be(Display.WanYuan(contract.ContractAmount));
        page.QuerySelector("#verify-tech-amount")!.TextContent.Should().Be(Display.WanYuan(contract.TechAmount));

        var lowerCase = await anonymous.GetPageAsync($"/contracts/verify?number={contract.Number}&code={contract.Code.ToLowerInvariant()}");
        lowerCase.QuerySelector("#verify-result")!.TextContent.Should().Contain("真实有效", "a code typed in lower case still matches");
    }

    [Fact]
    public async Task A_wrong_code_shows_a_clear_message_and_nothing_of_the_contract()
    {
        var contract = await RegisteredByEntAAsync();
        var page = await fx.Anonymous().GetPageAsync($"/contracts/verify?number={contract.Number}&code=WRONG123");

        var result = page.QuerySelector("#verify-result")!.TextContent;
        result.Should().Contain("未查到与该登记编号和验证码相符的登记记录");
        page.Body!.TextContent.Should().NotContain(contract.Seller).And.NotContain(contract.Buyer).And.NotContain(contract.ProjectName);
        page.QuerySelector("#verify-seller").Should().BeNull();
        page.QuerySelector("#verify-contract-amount").Should().BeNull();
    }

    [Fact]
    public async Task Only_the_verify_page_is_open_to_anonymous_visitors_the_certificate_and_its_PDF_ask_to_sign_in()
    {
        var contract = await RegisteredByEntAAsync();
        var anonymous = fx.Anonymous();

        (await anonymous.GetAsync("/contracts/verify")).StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.IsLoginRedirect(await anonymous.GetAsync($"/contracts/{contract.Id}/certificate")).Should().BeTrue();
        PortalClient.IsLoginRedirect(await anonymous.GetAsync($"/contracts/{contract.Id}/certificate.pdf")).Should().BeTrue();
        var bank = await fx.As("bank.a");
        (await bank.GetAsync($"/contracts/{contract.Id}/certificate")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a bank is no party to ent.a's contract");
        (await bank.GetAsync($"/contracts/{contract.Id}/certificate.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the PDF has the HTML certificate's readers");
    }

    [Fact]
    public async Task The_home_page_and_the_footer_link_to_the_verify_page()
    {
        var home = await fx.Anonymous().GetPageAsync("/");

        home.QuerySelector("#home-verify")!.GetAttribute("href").Should().Be("/contracts/verify");
        home.QuerySelector("#footer-verify")!.GetAttribute("href").Should().Be("/contracts/verify");
    }

    [Fact]
    public async Task Without_the_font_the_PDF_endpoint_answers_a_clear_Chinese_message_not_a_server_error()
    {
        var contract = await RegisteredByEntAAsync();
        var configuration = fx.Factory.Services.GetRequiredService<IConfiguration>();
        configuration["Contracts:CertificateFontFile"] = "/nonexistent/fonts/missing-certificate-font.ttf";
        try
        {
            var response = await (await fx.As("ent.a")).GetAsync($"/contracts/{contract.Id}/certificate.pdf");

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            page.QuerySelector("#pdf-unavailable")!.TextContent.Should().Contain("暂不能生成PDF").And.Contain("缺少").And.Contain("missing-certificate-font.ttf");
            page.QuerySelector("#certificate-link")!.GetAttribute("href").Should().Be($"/contracts/{contract.Id}/certificate");
        }
        finally
        {
            configuration["Contracts:CertificateFontFile"] = null;
        }

        (await (await fx.As("ent.a")).GetAsync($"/contracts/{contract.Id}/certificate.pdf")).StatusCode.Should().Be(HttpStatusCode.OK, "with the font back, the PDF is made");
    }
}
