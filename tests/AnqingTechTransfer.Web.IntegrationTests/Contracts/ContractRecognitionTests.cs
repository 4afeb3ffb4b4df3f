using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>
/// Issue 22 §2 and §4 through the pages: the registrar's 技术交易额核定 reaches the certificate, /contracts/stats and the cockpit;
/// the income assessment; the evidence each type needs at submission; a credit code with a wrong check character. A fixture of
/// its own: the statistics are compared before and after.
/// </summary>
public class ContractRecognitionTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static decimal Number(string text) => decimal.Parse(text.Trim().Replace(" 万元", ""), NumberStyles.Number, CultureInfo.InvariantCulture);

    private async Task<TechContract> UnderReviewAsync(string name, decimal amount = 120m, Action<Dictionary<string, string>>? change = null)
    {
        var form = await ContractFilingForms.CompleteAsync(fx, name, amount);
        change?.Invoke(form);
        var response = await (await fx.As("ent.a")).PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", ContractFilingForms.Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var registrar = await fx.As("registrar.city");
        await ContractFilingForms.ActAsync(registrar, await ContractFilingForms.LoadAsync(fx, name), "accept");
        await ContractFilingForms.ActAsync(registrar, await ContractFilingForms.LoadAsync(fx, name), "review");
        return await ContractFilingForms.LoadAsync(fx, name);
    }

    private static Dictionary<string, string> Assessment(TechContract contract, params (int Row, string Field, string Value)[] cells)
    {
        var form = new Dictionary<string, string> { ["Version"] = contract.Version.ToString() };
        foreach (var (row, field, value) in cells)
        {
            form[$"Items[{row}].{field}"] = value;
        }

        return form;
    }

    [Fact]
    public async Task The_registrar_corrects_a_deduction_and_the_certificate_the_statistics_and_the_cockpit_show_the_assessed_amount()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var bureau = await fx.As("bureau");
        (await bureau.PostFormAsync("/targets/contract-field", new() { ["field"] = "TechAmount" }, "/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        async Task<(decimal Stats, decimal Cockpit)> FiguresAsync()
        {
            var stats = await bureau.GetPageAsync($"/contracts/stats?year={year}");
            var cockpit = await bureau.GetPageAsync($"/cockpit?year={year}");
            return (Number(stats.QuerySelector("#total-tech")!.TextContent),
                Number(cockpit.QuerySelector("#indicator-table tr[data-indicator='contract_amount'] td.actual")!.TextContent));
        }

        var before = await FiguresAsync();
        var contract = await UnderReviewAsync("认定测试：核减技术交易额", 300m); // declared: 300 − 检测设备 20 = 280
        var registrar = await fx.As("registrar.city");
        var page = await registrar.GetPageAsync($"/contracts/{contract.Id}/assessment");
        page.QuerySelector("#assess-declared-tech-amount")!.TextContent.Should().Be(Display.WanYuan(280m));
        page.QuerySelector("#Items_0__Amount")!.GetAttribute("value").Should().Be("20", "the declared amount is the starting point");

        var response = await registrar.PostFormAsync($"/contracts/{contract.Id}/assessment",
            Assessment(contract, (0, "Amount", "35"), (0, "Reason", "发票显示设备价款35万元"), (1, "Item", "原材料"), (1, "Amount", "15"), (1, "Reason", "合同附件列明原材料采购")));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        contract.TechAmount.Should().Be(250m);
        contract.DeclaredTechAmount.Should().Be(280m);
        var details = await registrar.GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#tech-amount-assessed").Should().NotBeNull();
        details.QuerySelector("#declared-tech-amount")!.TextContent.Should().Contain(Display.WanYuan(280m));
        details.QuerySelector("#contract-history")!.TextContent.Should().Contain("申报技术交易额 280 万元 → 核定 250 万元");

        (await ContractFilingForms.ActAsync(registrar, contract, "approve")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.Registered);

        var certificate = await (await fx.As("ent.a")).GetPageAsync($"/contracts/{contract.Id}/certificate");
        certificate.QuerySelector("#certificate-tech-amount")!.TextContent.Should().Be(Display.WanYuan(250m));
        var pdf = await (await fx.As("ent.a")).GetAsync($"/contracts/{contract.Id}/certificate.pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "").Should().Contain("250.00万元").And.NotContain("280.00万元");
        }

        var after = await FiguresAsync();
        (after.Stats - before.Stats).Should().Be(250m, "/contracts/stats counts the assessed 技术交易额");
        (after.Cockpit - before.Cockpit).Should().Be(250m, "the cockpit's 技术合同交易额, set to track 技术交易额, counts the assessed figure");
    }

    [Fact]
    public async Task A_correction_without_a_reason_comes_back_with_the_message_next_to_the_row_and_nothing_saved()
    {
        var contract = await UnderReviewAsync("认定测试：缺少理由");
        var registrar = await fx.As("registrar.city");
        var response = await registrar.PostFormAsync($"/contracts/{contract.Id}/assessment",
            Assessment(contract, (0, "Amount", "30"), (1, "Item", "原材料"), (1, "Amount", "abc")));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await (response).Content.ReadAsStringAsync());
        page.QuerySelector("#assessment-errors").Should().NotBeNull();
        page.QuerySelector("#Items_0__Amount")!.GetAttribute("value").Should().Be("30", "what the registrar typed is kept");
        page.QuerySelector("#Items_1__Item")!.GetAttribute("value").Should().Be("原材料");
        (await ContractFilingForms.LoadAsync(fx, contract.ProjectName)).IsTechAmountAssessed.Should().BeFalse();

        response = await registrar.PostFormAsync($"/contracts/{contract.Id}/assessment", Assessment(contract, (0, "Amount", "30")));
        page = PortalClient.Parse(await (response).Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Items[0].Reason']")!.TextContent.Should().Contain("请说明理由");
        (await ContractFilingForms.LoadAsync(fx, contract.ProjectName)).TechAmount.Should().Be(100m);
    }

    [Fact]
    public async Task Only_the_points_registrars_and_the_bureau_assess_and_other_filers_do_not_see_the_contract()
    {
        var contract = await UnderReviewAsync("认定测试：权限");
        (await (await fx.As("ent.a")).GetAsync($"/contracts/{contract.Id}/assessment")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("univ.buct")).GetAsync($"/contracts/{contract.Id}/assessment")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not a party: it does not see the contract");
        (await (await fx.As("ent.b")).GetAsync($"/contracts/{contract.Id}/assessment")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the buyer sees the contract but does not assess it");
        (await (await fx.As("registrar.gxq")).GetAsync($"/contracts/{contract.Id}/assessment")).StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await (await fx.As("bureau")).GetAsync($"/contracts/{contract.Id}/assessment")).StatusCode.Should().Be(HttpStatusCode.OK);
        var forged = await (await fx.As("ent.a")).PostFormAsync($"/contracts/{contract.Id}/assessment", Assessment(contract, (0, "Amount", "0"), (0, "Reason", "自行核定")));
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ContractFilingForms.LoadAsync(fx, contract.ProjectName)).IsTechAmountAssessed.Should().BeFalse();
    }

    [Fact]
    public async Task The_seller_declares_income_with_proof_and_the_registrar_corrects_it_with_a_reason()
    {
        var contract = await UnderReviewAsync("认定测试：技术性收入");
        var registrar = await fx.As("registrar.city");
        await ContractFilingForms.ActAsync(registrar, contract, "approve");
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        var seller = await fx.As("ent.a");

        await seller.PostFilesAsync($"/contracts/{contract.Id}/income", new() { ["Version"] = contract.Version.ToString(), ["Amount"] = "90" }, $"/contracts/{contract.Id}");
        (await seller.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("技术性收入凭证");
        (await ContractFilingForms.LoadAsync(fx, contract.ProjectName)).IncomeDeclared.Should().BeNull();

        (await seller.PostFilesAsync($"/contracts/{contract.Id}/income", new() { ["Version"] = contract.Version.ToString(), ["Amount"] = "90" }, $"/contracts/{contract.Id}",
            ("Files", "银行回单.pdf", ContractFilingForms.Pdf))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        contract.IncomeDeclared.Should().Be(90m);
        var files = await fx.WithDbAsync((db, _) => db.Attachments.Where(a => a.OwnerId == contract.Id).Select(a => a.Purpose).ToListAsync());
        files.Should().Contain("income-proof");

        var details = await registrar.GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#income-assessed-amount")!.GetAttribute("value").Should().Be("90.0000");
        await ContractFilingForms.ActAsync(registrar, contract, "income/confirm", new() { ["Amount"] = "80" });
        (await registrar.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("请说明理由");
        await ContractFilingForms.ActAsync(registrar, contract, "income/confirm", new() { ["Amount"] = "80", ["Remark"] = "10万元为设备款，不计技术性收入" });
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        contract.IncomeAssessed.Should().Be(80m);
        contract.IncomeDeclared.Should().Be(90m);
        var shown = await seller.GetPageAsync($"/contracts/{contract.Id}");
        shown.QuerySelector("#income-assessed")!.TextContent.Should().Be(Display.WanYuan(80m));
        shown.QuerySelector("#income")!.TextContent.Should().Contain("10万元为设备款");
    }

    [Fact]
    public async Task A_submission_without_the_contract_text_or_a_transfer_without_proof_of_rights_is_refused_next_to_the_file_field()
    {
        var entA = await fx.As("ent.a");
        var form = await ContractFilingForms.CompleteAsync(fx, "证据测试：无合同文本");
        var response = await entA.PostFilesAsync("/contracts/new", form, "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await (response).Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='ContractTextFiles']")!.TextContent.Should().Contain("提交前请上传合同文本");
        (await fx.WithDbAsync((db, _) => db.TechContracts.AnyAsync(c => c.ProjectName == "证据测试：无合同文本"))).Should().BeFalse();

        var transfer = await ContractFilingForms.CompleteAsync(fx, "证据测试：技术转让");
        transfer["Type"] = nameof(TechContractType.Transfer);
        transfer["SubType"] = nameof(TechContractSubType.PatentTransfer);
        transfer["ExpectedInvestment"] = "100";
        transfer["ExpectedOutput"] = "500";
        page = PortalClient.Parse(await (await entA.PostFilesAsync("/contracts/new", transfer, "/contracts/new", ("ContractTextFiles", "合同文本.pdf", ContractFilingForms.Pdf))).Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='RightsProofFiles']")!.TextContent.Should().Contain("权属证明");
        page.QuerySelector("[data-valmsg-for='ContractTextFiles']")!.TextContent.Should().BeEmpty();

        (await entA.PostFilesAsync("/contracts/new", transfer, "/contracts/new", ("ContractTextFiles", "合同文本.pdf", ContractFilingForms.Pdf),
            ("RightsProofFiles", "专利证书.pdf", ContractFilingForms.Pdf))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await ContractFilingForms.LoadAsync(fx, "证据测试：技术转让");
        saved.Status.Should().Be(ContractStatus.Submitted);
        var details = await (await fx.As("registrar.city")).GetPageAsync($"/contracts/{saved.Id}");
        details.QuerySelector("#contract-files")!.TextContent.Should().Contain("合同文本").And.Contain("权属证明");
        details.QuerySelector("#missing-evidence").Should().BeNull();

        // A draft saved without files may be submitted from its page only once the files are there.
        var draft = await ContractFilingForms.CompleteAsync(fx, "证据测试：草稿后提交", intent: "draft");
        (await entA.PostFilesAsync("/contracts/new", draft, "/contracts/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var drafted = await ContractFilingForms.LoadAsync(fx, "证据测试：草稿后提交");
        await ContractFilingForms.ActAsync(entA, drafted, "submit");
        (await entA.GetPageAsync($"/contracts/{drafted.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("合同文本");
        (await ContractFilingForms.LoadAsync(fx, drafted.ProjectName)).Status.Should().Be(ContractStatus.Draft);
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_warns_the_filer_and_the_registrar_must_confirm_it_to_register()
    {
        var good = Domain.Organizations.CreditCode.Complete("91340882MA2N00599");
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');
        var contract = await UnderReviewAsync("认定测试：校验位不符", change: f => f["BuyerCreditCode"] = wrong);
        (await (await fx.As("ent.a")).GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#credit-code-warning")!.TextContent
            .Should().Contain("买方统一社会信用代码").And.Contain("校验位");

        var registrar = await fx.As("registrar.city");
        var details = await registrar.GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#credit-code-warning").Should().NotBeNull();
        details.QuerySelector("#credit-codes-checked").Should().NotBeNull();
        await ContractFilingForms.ActAsync(registrar, contract, "approve");
        (await registrar.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("已核对信用代码");
        (await ContractFilingForms.LoadAsync(fx, contract.ProjectName)).Status.Should().Be(ContractStatus.UnderReview);

        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        await ContractFilingForms.ActAsync(registrar, contract, "approve", new() { ["CreditCodesChecked"] = "true" });
        contract = await ContractFilingForms.LoadAsync(fx, contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.Registered);
        contract.Events.Last().Remark.Should().StartWith("登记员已核对：买方统一社会信用代码");
    }
}
