using System.Net;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>
/// Issue 22 §5: the registrar's and the bureau's queue tabs on /contracts list what each tab names in its order, show the
/// count the workspace's to-do item shows, and every to-do link lands on its tab. Expectations are written here from the
/// rules (status, due date, point), not through the app's queue query.
/// </summary>
public class ContractQueueTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private sealed record Expected(string Tab, string TodoTitle, List<Guid> Ids);

    private async Task<Guid> FileAsync(string name, decimal amount = 120m)
    {
        var point = await fx.WithDbAsync((db, _) => db.RegistrationPoints.Where(p => p.Code == "01").Select(p => p.Id).SingleAsync());
        var form = new Dictionary<string, string>
        {
            ["RegistrationPointId"] = point.ToString(),
            ["ProjectName"] = name,
            ["Type"] = nameof(TechContractType.Development),
            ["SubType"] = nameof(TechContractSubType.CommissionedDevelopment),
            ["SellerName"] = "安庆华宁新材料科技有限公司",
            ["SellerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340822MA2N00501"),
            ["SellerCountryCode"] = "142",
            ["SellerDivisionCode"] = "340822",
            ["SellerNatureCode"] = "150",
            ["BuyerName"] = "潜山舒源生物医药有限公司",
            ["BuyerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340882MA2N00502"),
            ["BuyerCountryCode"] = "142",
            ["BuyerDivisionCode"] = "340882",
            ["BuyerNatureCode"] = "150",
            ["TechnicalFieldCode"] = "06",
            ["IpTypeCode"] = "03",
            ["PlanSourceCode"] = "08",
            ["SocioEconomicGoalCode"] = "10",
            ["SignedOn"] = "2026-03-01",
            ["ValidFrom"] = "2026-03-01",
            ["ValidTo"] = "2027-02-28",
            ["ContractAmount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deductions[0].Item"] = "检测设备",
            ["Deductions[0].Amount"] = "20",
            ["PaymentMode"] = nameof(PaymentMode.LumpSumInstalments),
            ["ResponsiblePerson"] = "王建国",
            ["FilledBy"] = "李晓红",
            ["FilledOn"] = "2026-03-01",
            ["ExpectedInvestment"] = "300",
            ["ExpectedOutput"] = "1500",
            ["Intent"] = "submit",
        };
        var response = await (await fx.As("ent.a")).PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        fx.Clock.Advance(TimeSpan.FromMinutes(7)); // distinct submission times
        return await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.ProjectName == name).Select(c => c.Id).SingleAsync());
    }

    private async Task ActAsync(string user, Guid id, string action, Dictionary<string, string>? more = null)
    {
        var version = await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var form = new Dictionary<string, string>(more ?? []) { ["Version"] = version.ToString() };
        (await (await fx.As(user)).PostFormAsync($"/contracts/{id}/{action}", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>Work in every tab: new submissions, one in review, one overdue, one large awaiting second review, one income declared.</summary>
    private async Task ArrangeAsync()
    {
        if (await fx.WithDbAsync((db, _) => db.TechContracts.AnyAsync(c => c.ProjectName.StartsWith("队列测试"))))
        {
            return;
        }

        await FileAsync("队列测试：新提交甲");
        await FileAsync("队列测试：新提交乙");
        var review = await FileAsync("队列测试：审核中");
        await ActAsync("registrar.city", review, "accept");
        await ActAsync("registrar.city", review, "review");
        var late = await FileAsync("队列测试：已超时");
        await ActAsync("registrar.city", late, "accept");
        var large = await FileAsync("队列测试：大额", amount: 650m);
        await ActAsync("registrar.city", large, "accept");
        await ActAsync("registrar.city", large, "review");
        await ActAsync("registrar.city", large, "approve");
        var income = await FileAsync("队列测试：收入核定");
        await ActAsync("registrar.city", income, "accept");
        await ActAsync("registrar.city", income, "review");
        await ActAsync("registrar.city", income, "approve");

        var today = Web.Features.Shared.Display.Today(fx.Clock);
        // Issue 22 §2: the declaration carries its 技术性收入凭证.
        var version = await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.Id == income).Select(c => c.Version).SingleAsync());
        (await (await fx.As("ent.a")).PostFilesAsync($"/contracts/{income}/income", new() { ["Version"] = version.ToString(), ["Amount"] = "50" }, $"/contracts/{income}",
            ("Files", "银行回单.pdf", Pdf))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.Id == late).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueOn, today.AddDays(-3))));
    }

    /// <summary>What each tab must list, in order, for a registrar (their points) or the bureau (the city).</summary>
    private async Task<List<Expected>> ExpectedAsync(string user)
    {
        var today = Web.Features.Shared.Display.Today(fx.Clock);
        return await fx.WithDbAsync(async (db, _) =>
        {
            var userId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            var points = await db.RegistrationPointRegistrars.Where(r => r.UserId == userId).Select(r => r.PointId).ToListAsync();
            var all = db.TechContracts.Where(c => c.Status != ContractStatus.Draft);
            var mine = user == "bureau" ? all : all.Where(c => points.Contains(c.RegistrationPointId));
            var queue = new[] { ContractStatus.Submitted, ContractStatus.Accepted, ContractStatus.UnderReview, ContractStatus.SecondReview };
            return new List<Expected>
            {
                new("Intake", "待受理的合同", await mine.Where(c => c.Status == ContractStatus.Submitted).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync()),
                new("InReview", "审核中的合同", await mine.Where(c => c.Status == ContractStatus.Accepted || c.Status == ContractStatus.UnderReview)
                    .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync()),
                new("Overdue", "其中已超过办理时限", await mine.Where(c => queue.Contains(c.Status) && c.DueOn < today).OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync()),
                new("SecondReview", "待大额复核的合同", await mine.Where(c => c.Status == ContractStatus.SecondReview).OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync()),
                new("Income", "待核定的技术性收入", await mine.Where(c => c.IncomeDeclared != null && c.IncomeConfirmedAt == null)
                    .OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync()),
            };
        });
    }

    /// <summary>Every row of a list address, page by page, in the order shown.</summary>
    private static async Task<List<Guid>> RowsAsync(PortalClient client, string url)
    {
        var ids = new List<Guid>();
        for (var page = 1; page <= 100; page++)
        {
            var document = await client.GetPageAsync($"{url}&page={page}");
            var rows = document.QuerySelectorAll("#contract-table tbody tr a[href^='/contracts/']")
                .Select(a => a.GetAttribute("href")!["/contracts/".Length..]).Where(s => Guid.TryParse(s, out _)).Select(Guid.Parse).ToList();
            if (rows.Count == 0 || ids.Contains(rows[0]))
            {
                break; // past the last page the pager shows the last page again
            }

            ids.AddRange(rows);
            if (rows.Count < 20)
            {
                break;
            }
        }

        return ids;
    }

    [Theory]
    [InlineData("registrar.city")]
    [InlineData("bureau")]
    public async Task Each_tab_lists_its_contracts_in_its_order_with_the_count_its_todo_shows(string user)
    {
        await ArrangeAsync();
        var client = await fx.As(user);
        var expected = await ExpectedAsync(user);
        expected.Should().OnlyContain(e => user == "bureau" || e.Ids.Count > 0, "the arrangement puts work in every tab");

        var list = await client.GetPageAsync("/contracts");
        var workspace = await client.GetPageAsync("/workspace");
        var todos = workspace.QuerySelectorAll("#todo-list li").Where(li => li.TextContent.Contains("【技术合同】"))
            .ToDictionary(li => li.QuerySelector("a")!.TextContent.Replace("【技术合同】", "").Trim(), li => li);

        foreach (var tab in expected)
        {
            var link = list.QuerySelector($"#tab-{tab.Tab}");
            link.Should().NotBeNull(tab.Tab);
            link!.GetAttribute("href").Should().Be($"/contracts?tab={tab.Tab}");
            int.Parse(link.GetAttribute("data-count")!).Should().Be(tab.Ids.Count, $"{tab.Tab}'s count is what it lists");

            (await RowsAsync(client, $"/contracts?tab={tab.Tab}")).Should().Equal(tab.Ids, $"{tab.Tab} lists exactly its contracts in its order");

            var registrarsItem = user != "bureau" || tab.Tab == "SecondReview";
            if (registrarsItem && tab.Ids.Count > 0)
            {
                todos.Should().ContainKey(tab.TodoTitle);
                var todo = todos[tab.TodoTitle];
                todo.QuerySelector(".badge")!.TextContent.Trim().Should().Be(tab.Ids.Count.ToString(), $"the to-do counts what {tab.Tab} lists");
                var href = todo.QuerySelector("a")!.GetAttribute("href")!;
                href.Should().Be($"/contracts?tab={tab.Tab}", "the to-do lands on its tab");
                (await RowsAsync(client, href)).Should().Equal(tab.Ids, "following the to-do shows exactly those contracts");
            }
            else
            {
                todos.Should().NotContainKey(tab.TodoTitle);
            }
        }
    }

    [Fact]
    public async Task The_overdue_link_lands_on_the_overdue_contracts_only_and_new_submissions_come_first_in_intake()
    {
        await ArrangeAsync();
        var registrar = await fx.As("registrar.city");
        var workspace = await registrar.GetPageAsync("/workspace");
        var overdue = workspace.QuerySelectorAll("#todo-list li a").Single(a => a.TextContent.Contains("其中已超过办理时限"));
        var page = await registrar.GetPageAsync(overdue.GetAttribute("href")!);
        page.QuerySelector("#tab-Overdue")!.ClassList.Should().Contain("active");
        var rows = page.QuerySelectorAll("#contract-table tbody tr");
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => r.ClassList.Contains("table-danger") && r.TextContent.Contains("已超期"), "every contract on the overdue tab is past its due date");
        rows.Select(r => r.QuerySelector("td a")!.TextContent).Should().Contain("队列测试：已超时").And.NotContain("队列测试：审核中");

        // The oldest submission heads 待受理: new work no longer sinks to the last page.
        var oldest = await fx.WithDbAsync((db, _) => db.TechContracts
            .Where(c => c.Status == ContractStatus.Submitted && db.RegistrationPoints.Any(p => p.Id == c.RegistrationPointId && p.Code == "01"))
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Select(c => c.ProjectName).FirstAsync());
        (await registrar.GetPageAsync("/contracts?tab=Intake")).QuerySelector("#contract-table tbody tr td a")!.TextContent.Should().Be(oldest);

        // Filters, the export and the other point keep working within a tab.
        var filtered = await RowsAsync(registrar, "/contracts?tab=Intake&q=" + Uri.EscapeDataString("队列测试：新提交"));
        filtered.Should().HaveCount(2);
        var export = await registrar.GetAsync("/contracts/export?tab=Intake&q=" + Uri.EscapeDataString("队列测试：新提交"));
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await RowsAsync(await fx.As("registrar.gxq"), "/contracts?tab=Intake&q=" + Uri.EscapeDataString("队列测试"));
        other.Should().BeEmpty("another point's registrar has none of these in its queue");
    }

    [Fact]
    public async Task An_enterprise_has_no_queue_tabs_and_a_tab_in_its_address_does_not_narrow_its_list()
    {
        await ArrangeAsync();
        var enterprise = await fx.As("ent.a");
        var plain = await RowsAsync(enterprise, "/contracts?q=" + Uri.EscapeDataString("队列测试"));
        (await enterprise.GetPageAsync("/contracts")).QuerySelector("#queue-tabs").Should().BeNull();
        (await RowsAsync(enterprise, "/contracts?tab=Intake&q=" + Uri.EscapeDataString("队列测试"))).Should().BeEquivalentTo(plain);
    }

    [Fact]
    public async Task The_registrars_detail_page_shows_every_field_of_the_national_form()
    {
        await ArrangeAsync();
        var id = await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.ProjectName == "队列测试：审核中").Select(c => c.Id).SingleAsync());
        var page = await (await fx.As("registrar.city")).GetPageAsync($"/contracts/{id}");
        page.QuerySelector("#project-name")!.TextContent.Should().Be("队列测试：审核中");
        page.QuerySelector("#contract-type")!.TextContent.Should().Contain("技术开发").And.Contain("委托开发");
        page.QuerySelector("#technology-import")!.TextContent.Should().Contain("否");
        page.QuerySelector("#technical-field")!.TextContent.Should().Contain("（06）");
        page.QuerySelector("#ip-type")!.TextContent.Should().Contain("（03）");
        page.QuerySelector("#plan-source")!.TextContent.Should().Contain("（08）");
        page.QuerySelector("#socio-economic-goal")!.TextContent.Should().Contain("（10）");
        var seller = page.QuerySelector("#seller-fields")!.TextContent;
        seller.Should().Contain("安庆华宁新材料科技有限公司").And.Contain(Domain.Organizations.CreditCode.Complete("91340822MA2N00501")).And.Contain("中国（142）")
            .And.Contain("340822").And.Contain("（150）");
        var buyer = page.QuerySelector("#buyer-fields")!.TextContent;
        buyer.Should().Contain("潜山舒源生物医药有限公司").And.Contain("340882").And.Contain("（150）");
        page.QuerySelector("#signed-on")!.TextContent.Should().Be("2026年3月1日");
        page.QuerySelector("#validity")!.TextContent.Should().Contain("2027年2月28日");
        page.QuerySelector("#deductions")!.TextContent.Should().Contain("检测设备").And.Contain("20.00 万元");
        page.QuerySelector("#payment-mode")!.TextContent.Should().NotBe("—");
        page.QuerySelector("#expected-investment")!.TextContent.Should().Be("300.00 万元");
        page.QuerySelector("#expected-output")!.TextContent.Should().Be("1,500.00 万元");
        page.QuerySelector("#submitted-at")!.TextContent.Should().NotBe("—");
    }
}
