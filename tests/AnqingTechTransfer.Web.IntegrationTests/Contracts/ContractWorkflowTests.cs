using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

public class ContractWorkflowTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Pdf = ContractFilingForms.Pdf;

    private async Task<Guid> PointAsync(string code = "01") =>
        await fx.WithDbAsync((db, _) => db.RegistrationPoints.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private Task<Dictionary<string, string>> CompleteFormAsync(string name, decimal amount = 120m, string intent = "submit") =>
        ContractFilingForms.CompleteAsync(fx, name, amount, intent);

    private async Task<TechContract> FileAsync(string name, decimal amount = 120m)
    {
        var client = await fx.As("ent.a");
        var response = await client.PostMultipartAsync("/contracts/new", await CompleteFormAsync(name, amount), ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await LoadAsync(name);
    }

    private Task<TechContract> LoadAsync(string name) => ContractFilingForms.LoadAsync(fx, name);

    private static Task<HttpResponseMessage> ActAsync(PortalClient client, TechContract contract, string action, Dictionary<string, string>? more = null) =>
        ContractFilingForms.ActAsync(client, contract, action, more);

    [Fact]
    public async Task A_registrar_cannot_decide_a_contract_its_own_organization_is_party_to_and_the_bureau_can()
    {
        // registrar.city works for 安庆市科技成果转化服务中心, here the buyer.
        var form = await CompleteFormAsync("回避测试：登记点所在单位为买方");
        form["BuyerName"] = "安庆市科技成果转化服务中心";
        form["BuyerCreditCode"] = Domain.Organizations.CreditCode.Complete("12340800000000601");
        var response = await (await fx.As("ent.a")).PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var contract = await LoadAsync("回避测试：登记点所在单位为买方");
        contract.BuyerOrganizationId.Should().NotBeNull();

        var registrar = await fx.As("registrar.city");
        (await registrar.GetAsync($"/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the point's registrar still sees it");
        (await ActAsync(registrar, contract, "accept")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await LoadAsync(contract.ProjectName)).Status.Should().Be(ContractStatus.Submitted);

        (await ActAsync(await fx.As("bureau"), contract, "accept")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(contract.ProjectName)).Status.Should().Be(ContractStatus.Accepted);
    }

    [Fact]
    public async Task An_enterprise_files_and_the_point_registers_it_with_a_number_and_a_verifiable_certificate()
    {
        var contract = await FileAsync("工作流测试：委托开发");
        contract.Status.Should().Be(ContractStatus.Submitted);
        contract.TechAmount.Should().Be(100m);
        contract.SellerRegionCode.Should().Be("340822");
        contract.BuyerRegionCode.Should().Be("340882", "the buyer is on the portal: its organization's region counts for 吸纳");
        contract.BuyerOrganizationId.Should().NotBeNull();

        var registrar = await fx.As("registrar.city");
        (await ActAsync(registrar, contract, "accept")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        contract = await LoadAsync(contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.Accepted);
        contract.DueOn.Should().NotBeNull();
        await ActAsync(registrar, contract, "review");
        contract = await LoadAsync(contract.ProjectName);
        await ActAsync(registrar, contract, "approve", new() { ["Remark"] = "符合技术开发合同认定条件" });
        contract = await LoadAsync(contract.ProjectName);

        contract.Status.Should().Be(ContractStatus.Registered);
        contract.RegistrationNumber.Should().MatchRegex(@"^\d{4}34080001\d{4}$");
        contract.Events.Select(e => e.Action).Should().ContainInOrder("保存草稿", "提交", "受理", "开始审核", "予以登记");
        contract.Events.Last().UserName.Should().Be("registrar.city");

        // Issue 25 §8: the history names people as the portal knows them and leaves out steps that changed no state.
        var history = (await (await fx.As("ent.a")).GetPageAsync($"/contracts/{contract.Id}")).Body!.TextContent;
        history.Should().Contain("沈登记员（市登记点）").And.Contain("冯经理（华宁新材料）").And.Contain("已受理 → 审核中");
        history.Should().NotContain("registrar.city").And.NotContain("草稿 → 草稿");

        var certificate = await (await fx.As("ent.a")).GetPageAsync($"/contracts/{contract.Id}/certificate");
        certificate.QuerySelector("#verification-code")!.TextContent.Should().Be(contract.VerificationCode);

        var anonymous = fx.Anonymous();
        var genuine = await anonymous.GetPageAsync($"/contracts/verify?number={contract.RegistrationNumber}&code={contract.VerificationCode}");
        // Issue 22: a genuine certificate's check shows its parties, type and registered amounts (before, it showed no amounts).
        genuine.QuerySelector("#verify-result")!.TextContent.Should().Contain("真实有效").And.Contain(contract.ProjectName).And.Contain("120.00 万元");
        var forged = await anonymous.GetPageAsync($"/contracts/verify?number={contract.RegistrationNumber}&code=AAAAAAAA");
        forged.QuerySelector("#verify-result")!.TextContent.Should().Contain("未查到");

        var audit = await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == "TechContract" && a.EntityId == contract.Id.ToString()));
        audit.Should().BeGreaterThanOrEqualTo(4, "every transition is in the audit log too");
    }

    /// <summary>Issue 25 §1 (in-portal part): the filing unit is told of every decision of the point, once, with a link to the contract.</summary>
    [Fact]
    public async Task The_filing_unit_is_told_of_acceptance_correction_and_registration_once_each_with_a_link()
    {
        async Task<List<(string Title, string Body, string? Link)>> ToldAsync(Guid contractId) => await fx.WithDbAsync(async (db, _) =>
        {
            var entA = await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.Id).SingleAsync();
            return (await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == entA && n.Link == $"/contracts/{contractId}").OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .ToListAsync()).Select(n => (n.Title, n.Body, n.Link)).ToList();
        });

        var registrar = await fx.As("registrar.city");
        var returned = await FileAsync("消息测试：退回补正");
        (await ActAsync(registrar, returned, "accept")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ActAsync(registrar, await LoadAsync(returned.ProjectName), "return", new() { ["Remark"] = "请补充技术开发内容说明" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var told = await ToldAsync(returned.Id);
        told.Select(t => t.Title).Should().Equal("技术合同已受理", "技术合同需补正");
        told[0].Body.Should().Contain("《消息测试：退回补正》已受理，办理时限至");
        told[1].Body.Should().Contain("请补充技术开发内容说明");

        // A large contract: its first approval goes to the second review and tells nobody; the registration tells once.
        var large = await FileAsync("消息测试：大额登记", amount: 650m);
        await ActAsync(registrar, large, "accept");
        await ActAsync(registrar, await LoadAsync(large.ProjectName), "review");
        await ActAsync(registrar, await LoadAsync(large.ProjectName), "approve");
        (await ToldAsync(large.Id)).Select(t => t.Title).Should().Equal("技术合同已受理");
        (await ActAsync(registrar, await LoadAsync(large.ProjectName), "second-review")).StatusCode.Should().Be(HttpStatusCode.Redirect, "refused: the first reviewer");
        (await ToldAsync(large.Id)).Should().HaveCount(1, "a refused step tells nobody");
        await ActAsync(await fx.As("bureau"), await LoadAsync(large.ProjectName), "second-review");
        (await LoadAsync(large.ProjectName)).Status.Should().Be(ContractStatus.Registered);
        (await ToldAsync(large.Id)).Select(t => t.Title).Should().Equal("技术合同已受理", "技术合同已认定登记");

        var inbox = await (await fx.As("ent.a")).GetPageAsync("/messages");
        inbox.Body!.TextContent.Should().Contain("技术合同已认定登记").And.Contain("技术合同需补正");
        (await (await fx.As("ent.b")).GetPageAsync("/messages")).Body!.TextContent.Should().NotContain("消息测试", "only the filing unit is told");
    }

    [Fact]
    public async Task A_large_contract_needs_a_second_reviewer_and_the_first_cannot_be_it()
    {
        var contract = await FileAsync("工作流测试：大额合同", amount: 650m);
        var registrar = await fx.As("registrar.city");
        await ActAsync(registrar, contract, "accept");
        contract = await LoadAsync(contract.ProjectName);
        contract.DueOn.Should().Be(new WorkingDayCalendar(WorkingDayCalendar.China2025To2026).AddWorkingDays(contract.AcceptedOn!.Value, 30), "large contracts get 30 working days");
        await ActAsync(registrar, contract, "review");
        await ActAsync(registrar, await LoadAsync(contract.ProjectName), "approve");
        contract = await LoadAsync(contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.SecondReview);

        await ActAsync(registrar, contract, "second-review");
        (await registrar.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("初审以外");
        (await LoadAsync(contract.ProjectName)).Status.Should().Be(ContractStatus.SecondReview);

        await ActAsync(await fx.As("bureau"), contract, "second-review");
        (await LoadAsync(contract.ProjectName)).Status.Should().Be(ContractStatus.Registered);
    }

    [Fact]
    public async Task Only_the_parties_their_counties_the_point_and_the_city_see_a_contract_and_only_deciders_decide()
    {
        var contract = await FileAsync("工作流测试：可见范围");
        foreach (var user in new[] { "ent.a", "ent.b", "county.huaining", "county.qianshan", "registrar.city", "bureau", "leader.city" })
        {
            (await (await fx.As(user)).GetAsync($"/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, user);
        }

        foreach (var user in new[] { "registrar.gxq", "park.gxq", "univ.aqnu", "bank.a", "expert.a", "dept.jxj" })
        {
            (await (await fx.As(user)).GetAsync($"/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
        }

        foreach (var user in new[] { "ent.b", "county.huaining", "leader.city", "ent.a" })
        {
            (await ActAsync(await fx.As(user), contract, "accept")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
        }

        (await ActAsync(await fx.As("registrar.gxq"), contract, "accept")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await LoadAsync(contract.ProjectName)).Status.Should().Be(ContractStatus.Submitted);

        var files = await fx.WithDbAsync((db, _) => db.Attachments.Where(a => a.OwnerId == contract.Id).Select(a => a.Id).ToListAsync());
        files.Should().ContainSingle();
        (await (await fx.As("registrar.city")).GetAsync($"/attachments/{files[0]}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await fx.As("registrar.gxq")).GetAsync($"/attachments/{files[0]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_registrars_deciding_at_once_one_wins_and_the_other_is_told()
    {
        var contract = await FileAsync("工作流测试：并发受理");
        var first = await ActAsync(await fx.As("registrar.city"), contract, "accept");
        var second = await ActAsync(await fx.As("bureau"), contract, "return", new() { ["Remark"] = "请补充材料" });
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await (await fx.As("bureau")).GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("已被他人修改");
        var after = await LoadAsync(contract.ProjectName);
        after.Status.Should().Be(ContractStatus.Accepted, "the stale decision was not applied on top");
        after.Events.Should().NotContain(e => e.Action == "退回补正");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Numbers_stay_unique_and_gap_free_when_two_registrations_happen_at_the_same_moment()
    {
        var a = await FileAsync("工作流测试：同时登记甲");
        var b = await FileAsync("工作流测试：同时登记乙");
        var registrar = await fx.As("registrar.city");
        var bureau = await fx.As("bureau");
        foreach (var contract in new[] { a, b })
        {
            await ActAsync(registrar, contract, "accept");
            await ActAsync(registrar, await LoadAsync(contract.ProjectName), "review");
        }

        a = await LoadAsync(a.ProjectName);
        b = await LoadAsync(b.ProjectName);
        await Task.WhenAll(ActAsync(registrar, a, "approve"), ActAsync(bureau, b, "approve"));
        var numbers = new[] { (await LoadAsync(a.ProjectName)).RegistrationNumber!, (await LoadAsync(b.ProjectName)).RegistrationNumber! };
        numbers.Should().OnlyHaveUniqueItems();
        var serials = numbers.Select(n => int.Parse(n[^4..])).Order().ToList();
        (serials[1] - serials[0]).Should().Be(1);
        var year = int.Parse(numbers[0][..4]);
        var point = await PointAsync();
        var last = await fx.WithDbAsync((db, _) => db.RegistrationSerials.Where(s => s.PointId == point && s.Year == year).Select(s => s.LastSerial).SingleAsync());
        last.Should().Be(serials[1], "the counter holds exactly the last number issued: none skipped");
    }

    [Fact]
    public async Task A_returned_contract_is_corrected_and_the_acceptance_date_starts_again()
    {
        var contract = await FileAsync("工作流测试：退回补正");
        var registrar = await fx.As("registrar.city");
        await ActAsync(registrar, contract, "accept");
        contract = await LoadAsync(contract.ProjectName);
        await ActAsync(registrar, contract, "return", new() { ["Remark"] = "缺少签章页" });
        contract = await LoadAsync(contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.Returned);
        contract.AcceptedOn.Should().BeNull();

        var filer = await fx.As("ent.a");
        var edit = await filer.GetPageAsync($"/contracts/{contract.Id}/edit");
        edit.QuerySelector("#correction-note")!.TextContent.Should().Contain("缺少签章页");
        var form = await CompleteFormAsync(contract.ProjectName);
        form["Version"] = contract.Version.ToString();
        (await filer.PostMultipartAsync($"/contracts/{contract.Id}/edit", form, null, $"/contracts/{contract.Id}/edit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        contract = await LoadAsync(contract.ProjectName);
        contract.Status.Should().Be(ContractStatus.Submitted);
        contract.Events.Select(e => e.Action).Should().Contain("补正后重新提交");
    }

    [Fact]
    public async Task A_buyer_cannot_file_the_sellers_contract_as_seller_and_nothing_is_saved()
    {
        // ent.b is the buyer of this form: it types ent.a's code as the seller and its own as the buyer.
        var form = await CompleteFormAsync("工作流测试：买方代卖方登记");
        var buyer = await fx.As("ent.b");
        var response = await buyer.PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back with the reason");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=SellerCreditCode]")!.TextContent.Should().Contain("由卖方申请登记");
        page.QuerySelector("#ProjectName")!.GetAttribute("value").Should().Be("工作流测试：买方代卖方登记", "nothing typed is lost");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.ProjectName == "工作流测试：买方代卖方登记"))).Should().Be(0);
    }

    [Fact]
    public async Task An_agency_files_for_its_principal_and_the_output_goes_to_the_principals_county()
    {
        var form = await CompleteFormAsync("工作流测试：代理登记");
        var agency = await fx.As("agency.a");
        var response = await agency.PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var contract = await LoadAsync("工作流测试：代理登记");
        var (entA, agencyA) = await fx.WithDbAsync(async (db, _) => (
            await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.OrganizationId).SingleAsync(),
            await db.Users.Where(u => u.UserName == "agency.a").Select(u => u.OrganizationId).SingleAsync()));
        contract.SellerOrganizationId.Should().Be(entA, "the principal sells");
        contract.SellerRegionCode.Should().Be("340822", "输出 counts the principal's county (怀宁县), not the agency's (迎江区)");
        contract.FilerOrganizationId.Should().Be(agencyA, "the record names the agency that filed");
        contract.BrokerOrganizationId.Should().Be(agencyA);

        // A code of an organization that is not on the portal cannot be a principal.
        var stranger = await CompleteFormAsync("工作流测试：代理未注册单位");
        stranger["SellerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340826MA2N09901");
        var refused = await agency.PostMultipartAsync("/contracts/new", stranger, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=SellerCreditCode]")!.TextContent.Should().Contain("代理登记");
    }

    [Fact]
    public async Task A_contract_in_the_registrars_hands_does_not_open_for_editing_and_says_why()
    {
        var contract = await FileAsync("工作流测试：办理中不能修改");
        contract.Status.Should().Be(ContractStatus.Submitted);
        var filer = await fx.As("ent.a");
        var response = await filer.GetAsync($"/contracts/{contract.Id}/edit");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/contracts/{contract.Id}");
        (await filer.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("办理期间不能修改");
    }

    [Fact]
    public async Task Bad_input_is_reported_in_chinese_next_to_each_field_and_nothing_typed_is_lost()
    {
        var form = await CompleteFormAsync("工作流测试：错误输入");
        form["BuyerCreditCode"] = "12345";
        form["ValidTo"] = "2025-01-01";
        form["Deductions[0].Amount"] = "500";
        form["TechnicalFieldCode"] = "99";
        var client = await fx.As("ent.a");
        var response = await client.PostMultipartAsync("/contracts/new", form, ("Files", "合同.pdf", [0x4D, 0x5A, 0x00]), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=BuyerCreditCode]")!.TextContent.Should().Contain("格式不正确");
        page.QuerySelector("[data-valmsg-for=ValidTo]")!.TextContent.Should().Contain("不能早于");
        page.QuerySelector("[data-valmsg-for=Deductions]")!.TextContent.Should().Contain("不能超过成交额");
        page.QuerySelector("[data-valmsg-for=TechnicalFieldCode]")!.TextContent.Should().Contain("请从列表中选择");
        page.QuerySelector("[data-valmsg-for=Files]")!.TextContent.Should().Contain("按文件内容判断");
        page.QuerySelector("#ProjectName")!.GetAttribute("value").Should().Be("工作流测试：错误输入");
        page.QuerySelector("#Deductions_0__Item")!.GetAttribute("value").Should().Be("检测设备");
        (await fx.WithDbAsync((db, _) => db.TechContracts.AnyAsync(c => c.ProjectName == "工作流测试：错误输入"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_draft_is_saved_incomplete_and_cannot_be_submitted_until_complete()
    {
        var client = await fx.As("ent.a");
        var draft = new Dictionary<string, string> { ["RegistrationPointId"] = (await PointAsync()).ToString(), ["ProjectName"] = "工作流测试：草稿", ["Intent"] = "draft" };
        (await client.PostMultipartAsync("/contracts/new", draft, null, "/contracts/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await LoadAsync("工作流测试：草稿");
        saved.Status.Should().Be(ContractStatus.Draft);

        (await (await fx.As("bureau")).GetAsync($"/contracts/{saved.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft stays with its filer");
        await ActAsync(client, saved, "submit");
        (await client.GetPageAsync($"/contracts/{saved.Id}")).QuerySelector("#flash-error")!.TextContent.Should().Contain("提交前请补全").And.Contain("成交额");
        (await LoadAsync("工作流测试：草稿")).Status.Should().Be(ContractStatus.Draft);
    }

    [Fact]
    public async Task The_form_footer_opens_with_today_and_round_trips_to_the_details_page()
    {
        var client = await fx.As("ent.a");
        var today = AnqingTechTransfer.Web.Features.Shared.Display.Today(fx.Clock);
        var blank = await client.GetPageAsync("/contracts/new");
        blank.QuerySelector("#FilledOn")!.GetAttribute("value").Should().Be(today.ToString("yyyy-MM-dd"));
        blank.QuerySelector("#ResponsiblePerson").Should().NotBeNull();
        blank.QuerySelector("#FilledBy").Should().NotBeNull();

        var contract = await FileAsync("表尾测试：负责人填报人");
        contract.ResponsiblePerson.Should().Be("王建国");
        contract.FilledBy.Should().Be("李晓红");
        contract.FilledOn.Should().Be(new DateOnly(2026, 3, 1));
        var details = await client.GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#responsible-person")!.TextContent.Should().Be("王建国");
        details.QuerySelector("#filled-by")!.TextContent.Should().Be("李晓红");
        details.QuerySelector("#filled-on")!.TextContent.Should().Be("2026年3月1日");
        details.QuerySelector("#form-handling")!.TextContent.Should().Contain("负责人").And.Contain("填报日期");
    }

    [Fact]
    public async Task Submission_is_refused_without_the_footer_and_a_future_filing_date_is_refused_next_to_the_field()
    {
        var client = await fx.As("ent.a");
        var form = await CompleteFormAsync("表尾测试：缺负责人");
        form.Remove("ResponsiblePerson");
        form["FilledBy"] = " ";
        var response = await client.PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".validation-summary-errors, [data-valmsg-summary]")!.TextContent.Should().Contain("负责人").And.Contain("填报人");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.ProjectName == "表尾测试：缺负责人"))).Should().Be(0);

        var future = await CompleteFormAsync("表尾测试：填报日期在未来", intent: "draft");
        future["FilledOn"] = AnqingTechTransfer.Web.Features.Shared.Display.Today(fx.Clock).AddDays(1).ToString("yyyy-MM-dd");
        var refused = await client.PostMultipartAsync("/contracts/new", future, null, "/contracts/new");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=FilledOn]")!.TextContent.Should().Contain("填报日期不能晚于今天");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.ProjectName == "表尾测试：填报日期在未来"))).Should().Be(0);
    }

    [Fact]
    public async Task The_country_is_chosen_from_the_country_table_and_codes_outside_it_are_refused()
    {
        var client = await fx.As("ent.a");
        var blank = await client.GetPageAsync("/contracts/new");
        var select = blank.QuerySelector("select#BuyerCountryCode")!;
        select.QuerySelector("option[selected]")!.GetAttribute("value").Should().Be("142");
        select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Should().Contain(["142", "110", "121", "143", "502", "304", "701"]);
        select.TextContent.Should().Contain("中国香港");

        foreach (var code in new[] { "156", "999" })
        {
            var form = await CompleteFormAsync("国别测试：代码不在表中" + code, intent: "draft");
            form["BuyerCountryCode"] = code;
            var response = await client.PostMultipartAsync("/contracts/new", form, null, "/contracts/new");
            response.StatusCode.Should().Be(HttpStatusCode.OK, "bad input never answers 500");
            PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=BuyerCountryCode]")!.TextContent.Should().Contain("请从列表中选择");
        }

        var hongKong = await CompleteFormAsync("国别测试：买方在香港", intent: "draft");
        (hongKong["BuyerCountryCode"], hongKong["BuyerCreditCode"], hongKong["BuyerDivisionCode"], hongKong["BuyerName"]) = ("110", "", "", "香港某科技有限公司");
        (await client.PostMultipartAsync("/contracts/new", hongKong, null, "/contracts/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await LoadAsync("国别测试：买方在香港");
        saved.Buyer.CountryCode.Should().Be("110");
        saved.Buyer.IsDomestic.Should().BeFalse();
        saved.Terms.MissingForSubmission().Should().NotContain(["买方统一社会信用代码", "买方行政区划"], "a party outside the mainland has neither");
        (await client.GetPageAsync($"/contracts/{saved.Id}")).QuerySelector("#buyer-fields")!.TextContent.Should().Contain("中国香港（110）");
    }

    [Fact]
    public async Task Only_filing_organizations_may_start_a_filing()
    {
        (await (await fx.As("county.huaining")).GetAsync("/contracts/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("ent.b")).GetPageAsync("/contracts/new")).QuerySelector("#SellerName")!.GetAttribute("value").Should().Be("潜山舒源生物医药有限公司");
    }
}

public class WorkingCalendarTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_bureau_adds_a_make_up_working_day_and_acceptance_counts_it()
    {
        var bureau = await fx.As("bureau");
        var page = await bureau.GetPageAsync("/registration-points/calendar?year=2026");
        page.QuerySelector("#calendar-table")!.TextContent.Should().Contain("春节调休上班");

        // 2030 has no arrangement seeded: a Saturday becomes a working day, a Monday a holiday.
        await bureau.PostFormAsync("/registration-points/calendar", new() { ["date"] = "2030-03-02", ["isWorkingDay"] = "true", ["name"] = "测试调休" }, "/registration-points/calendar");
        await bureau.PostFormAsync("/registration-points/calendar", new() { ["date"] = "2030-03-04", ["isWorkingDay"] = "false", ["name"] = "测试假日" }, "/registration-points/calendar");
        var calendar = await fx.WithDbAsync(async (_, sp) => await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Features.Contracts.ContractCalendarHandler>(sp).CalendarAsync(CancellationToken.None));
        calendar.IsWorkingDay(new DateOnly(2030, 3, 2)).Should().BeTrue();
        calendar.IsWorkingDay(new DateOnly(2030, 3, 4)).Should().BeFalse();
        calendar.AddWorkingDays(new DateOnly(2030, 3, 1), 2).Should().Be(new DateOnly(2030, 3, 5));

        await bureau.PostFormAsync("/registration-points/calendar/2030-03-04/remove", [], "/registration-points/calendar");
        (await fx.WithDbAsync((db, _) => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2030, 3, 4)))).Should().BeFalse();
    }
}
