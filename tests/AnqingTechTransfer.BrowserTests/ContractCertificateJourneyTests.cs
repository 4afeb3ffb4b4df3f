using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 22 point 6: the filer downloads the PDF certificate; an anonymous visitor opens its QR address and sees the verify result.</summary>
[Collection(BrowserCollection2.Name)]
public class ContractCertificateJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task The_filer_downloads_the_PDF_and_an_anonymous_visitor_opening_the_QR_address_sees_the_verify_result()
    {
        TechContract contract;
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var entA = await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.OrganizationId).SingleAsync();
            contract = await db.TechContracts.AsNoTracking()
                .Where(c => c.FilerOrganizationId == entA && c.Status == ContractStatus.Registered && !c.IsImported)
                .OrderBy(c => c.RegistrationNumber).FirstAsync();
        }

        string address;
        await using (var filer = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await filer.GoAsync($"/contracts/{contract.Id}");
            await filer.Page.ClickAsync("#certificate-page-link");
            await filer.Page.WaitForSelectorAsync("#certificate-qr");
            address = (await filer.Page.TextContentAsync("#verify-url"))!.Trim();
            address.Should().Be($"{fx.BaseUrl}/contracts/verify?number={contract.RegistrationNumber}&code={contract.VerificationCode}");
            await filer.ExpectCleanAsync("the certificate page");
            await filer.ScreenshotAsync("contract-certificate-pdf-1366");

            var download = await filer.Page.RunAndWaitForDownloadAsync(() => filer.Page.ClickAsync("#certificate-pdf"));
            download.SuggestedFilename.Should().Be($"技术合同登记证明-{contract.RegistrationNumber}.pdf");
            var file = Path.Combine(fx.ScreenshotDirectory, "contract-certificate.pdf");
            await download.SaveAsAsync(file);
            using (var pdf = PdfDocument.Open(file))
            {
                var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value).Where(c => !string.IsNullOrWhiteSpace(c)));
                text.Should().Contain(contract.RegistrationNumber!).And.Contain(address, "the PDF prints the address its QR code holds");
            }

            await filer.Page.SetViewportSizeAsync(390, 844);
            await filer.Page.ReloadAsync();
            await filer.ScreenshotAsync("contract-certificate-pdf-390");
        }

        foreach (var width in new[] { 1366, 390 })
        {
            await using var visitor = await PortalPage.OpenAsync(fx, width);
            await visitor.Page.GotoAsync(address);
            (await visitor.Page.InputValueAsync("#number")).Should().Be(contract.RegistrationNumber);
            (await visitor.Page.InputValueAsync("#code")).Should().Be(contract.VerificationCode);
            (await visitor.Page.TextContentAsync("#verify-result")).Should().Contain("登记证明真实有效");
            (await visitor.Page.TextContentAsync("#verify-seller")).Should().Be(contract.Seller.Name);
            (await visitor.Page.TextContentAsync("#verify-buyer")).Should().Be(contract.Buyer.Name);
            (await visitor.Page.TextContentAsync("#verify-type")).Should().StartWith(contract.Type.Name());
            (await visitor.Page.TextContentAsync("#verify-contract-amount")).Should().Be(Display.WanYuan(contract.ContractAmount));
            (await visitor.Page.TextContentAsync("#verify-tech-amount")).Should().Be(Display.WanYuan(contract.TechAmount));
            await visitor.ExpectCleanAsync($"the verify result at {width} px");
            await visitor.ScreenshotAsync($"contract-verify-{width}");
        }

        await using (var visitor = await PortalPage.OpenAsync(fx, 390))
        {
            await visitor.GoAsync("/");
            await visitor.Page.ClickAsync("#home-verify");
            await visitor.Page.FillAsync("#number", contract.RegistrationNumber!);
            await visitor.Page.FillAsync("#code", "WRONG123");
            await visitor.Page.ClickAsync("#verify-btn");
            await visitor.Page.WaitForSelectorAsync("#verify-result");
            (await visitor.Page.TextContentAsync("#verify-result")).Should().Contain("未查到");
            (await visitor.Page.Locator("#verify-seller").CountAsync()).Should().Be(0);
            await visitor.ExpectCleanAsync("a wrong code");
            await visitor.ScreenshotAsync("contract-verify-wrong-390");
        }
    }
}
