using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Targets;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>
/// 变更登记 and 注销登记 change the figures from their own date (issue 22 §3): the registration month keeps what it counted,
/// the month of the change carries the difference, the month of a cancellation takes the contract out — in the month
/// summary (the cockpit's source) and on /contracts/stats alike.
/// </summary>
public class ContractChangeTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Pdf = ContractFilingForms.Pdf;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static decimal Number(string text) => decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The contract tests' complete form, signed on 1 February 2026 (before every moment of these tests).</summary>
    private async Task<Dictionary<string, string>> FormAsync(string name, decimal amount)
    {
        var form = await ContractFilingForms.CompleteAsync(fx, name, amount);
        form["SignedOn"] = form["ValidFrom"] = form["FilledOn"] = "2026-02-01";
        form["ValidTo"] = "2027-01-31";
        return form;
    }

    /// <summary>
    /// Puts the clock at a Beijing moment and signs in afresh (a session does not outlive a jump of months). Every moment of
    /// these tests lies between 10 March and 3 June 2026: a jump of more than 90 days would make the accounts dormant.
    /// </summary>
    private Task<PortalClient> AtAsync(DateTimeOffset beijing, string user)
    {
        fx.Clock.Set(beijing);
        return fx.SignInAsync(user);
    }

    private Task<TechContract> LoadAsync(Guid id) =>
        fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id));

    private static async Task<HttpResponseMessage> ActAsync(PortalClient client, TechContract contract, string action, Dictionary<string, string>? more = null) =>
        await client.PostFormAsync($"/contracts/{contract.Id}/{action}", new Dictionary<string, string>(more ?? []) { ["Version"] = contract.Version.ToString() });

    /// <summary>ent.a files (怀宁县 sells, 潜山市 buys) and registrar.city registers it at the given Beijing moment.</summary>
    private async Task<TechContract> RegisteredAsync(string name, DateTimeOffset at, decimal amount = 120m)
    {
        var filer = await AtAsync(at, "ent.a");
        var response = await filer.PostMultipartAsync("/contracts/new", await FormAsync(name, amount), ("ContractTextFiles", "合同文本.pdf", Pdf), "/contracts/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = await fx.WithDbAsync((db, _) => db.TechContracts.Where(c => c.ProjectName == name).Select(c => c.Id).SingleAsync());
        var registrar = await fx.SignInAsync("registrar.city");
        foreach (var step in new[] { "accept", "review", "approve" })
        {
            (await ActAsync(registrar, await LoadAsync(id), step)).StatusCode.Should().Be(HttpStatusCode.Redirect, step);
        }

        var contract = await LoadAsync(id);
        contract.Status.Should().Be(ContractStatus.Registered);
        return contract;
    }

    private Task<(int Contracts, decimal Amount, decimal Tech)> MonthAsync(int month) => fx.WithDbAsync(async (db, _) =>
    {
        var row = await db.ContractMonthTotals.AsNoTracking()
            .Where(t => t.Month == new DateOnly(2026, month, 1) && t.SellerRegionCode == "340822" && t.BuyerRegionCode == "340882" && !t.IsImported)
            .Select(t => new { t.Contracts, t.ContractAmount, t.TechAmount }).SingleOrDefaultAsync();
        return row is null ? (0, 0m, 0m) : (row.Contracts, row.ContractAmount, row.TechAmount);
    });

    /// <summary>The cockpit's figures for the city: its monthly 成交额 from the summary, through the same class the cockpit uses.</summary>
    private Task<IReadOnlyList<(int Month, int Contracts, decimal Amount, decimal Absorbed)>> CockpitMonthlyAsync() => fx.WithDbAsync(async (db, _) =>
        (await IndicatorActuals.LoadAsync(db, AnqingRegions.City, CancellationToken.None)).Monthly(AnqingRegions.City, 2026));

    private async Task<(decimal Total, decimal[] Months)> StatsAsync()
    {
        var page = await (await fx.SignInAsync("bureau")).GetPageAsync("/contracts/stats?year=2026");
        return (Number(page.QuerySelector("#total-amount")!.TextContent),
            page.QuerySelectorAll("#month-table tbody tr").Select(r => Number(r.QuerySelectorAll("td")[1].TextContent)).ToArray());
    }

    /// <summary>The change form as the browser would post it: every field with the value it shows.</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument page)
    {
        var form = page.QuerySelector("#change-form")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>().Where(i => i.Type is not ("file" or "submit")))
        {
            if (input.Type == "checkbox")
            {
                if (input.IsChecked)
                {
                    fields[input.Name!] = input.Value;
                }

                continue;
            }

            fields[input.Name!] = input.Value;
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            fields[select.Name!] = select.SelectedOptions.FirstOrDefault()?.Value ?? string.Empty;
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            fields[area.Name!] = area.Value;
        }

        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    [Fact]
    public async Task An_approved_change_moves_the_figures_in_the_month_of_the_change_and_the_registration_month_keeps_its_own()
    {
        var march = new DateTimeOffset(2026, 3, 10, 10, 0, 0, Beijing);
        var may = new DateTimeOffset(2026, 5, 12, 10, 0, 0, Beijing);
        var (march0, may0) = (await MonthAsync(3), await MonthAsync(5));
        var contract = await RegisteredAsync("变更测试：成交额增加", march);
        (await MonthAsync(3)).Should().Be((march0.Contracts + 1, march0.Amount + 120m, march0.Tech + 100m), "registration counts in its month");

        // The filer asks, in May: the form shows the registered terms; unchanged terms are refused next to the form.
        var filer = await AtAsync(may, "ent.a");
        var form = await filer.GetPageAsync($"/contracts/{contract.Id}/change");
        var fields = Fields(form);
        fields["ContractAmount"].Should().Be("120.0000");
        fields["BuyerCreditCode"].Should().Be(contract.Buyer.CreditCode);
        fields["ChangeReason"] = "补充协议增加开发内容";
        var unchanged = await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields);
        unchanged.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unchanged.Content.ReadAsStringAsync()).Should().Contain("变更内容与现登记内容相同");

        fields["ContractAmount"] = "180";
        fields["Deductions[0].Amount"] = "30";
        fields["ValidTo"] = "2027-06-30";
        var filed = await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields);
        filed.StatusCode.Should().Be(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        (await LoadAsync(contract.Id)).ContractAmount.Should().Be(120m, "a request changes nothing until it is approved");
        var again = await filer.GetAsync($"/contracts/{contract.Id}/change");
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "one open request per contract");

        // The registrar sees the request before → after, in the queue tab and on the page, and approves it.
        var registrar = await fx.SignInAsync("registrar.city");
        var queue = await registrar.GetPageAsync("/contracts?tab=Change");
        queue.QuerySelector("#contract-table")!.TextContent.Should().Contain("变更测试：成交额增加");
        var details = await registrar.GetPageAsync($"/contracts/{contract.Id}");
        var table = details.QuerySelector("#change-table")!.TextContent;
        table.Should().Contain("成交额").And.Contain("120 万元").And.Contain("180 万元").And.Contain("技术交易额").And.Contain("150 万元").And.Contain("2027-06-30");
        details.QuerySelector("#approve-change-btn")!.GetAttribute("data-confirm").Should().NotBeNullOrEmpty("approving asks for confirmation");
        var (statsTotal0, statsMonths0) = await StatsAsync();
        var cockpit0 = await CockpitMonthlyAsync();

        var version = details.QuerySelector("#change-panel input[name=Version]")!.GetAttribute("value")!;
        var approved = await registrar.PostFormAsync($"/contracts/{contract.Id}/change/approve", new() { ["Version"] = version });
        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        contract = await LoadAsync(contract.Id);
        contract.ContractAmount.Should().Be(180m);
        contract.TechAmount.Should().Be(150m);
        contract.RegisteredAt!.Value.ToOffset(Beijing).Month.Should().Be(3, "the registration stands");
        var history = contract.Events.OrderBy(e => e.At).Last();
        history.Action.Should().Be("变更登记");
        history.Remark.Should().Contain("成交额：120 万元 → 180 万元").And.Contain("有效期：2026-02-01 至 2027-01-31 → 2026-02-01 至 2027-06-30");

        (await MonthAsync(3)).Should().Be((march0.Contracts + 1, march0.Amount + 120m, march0.Tech + 100m), "the registration month keeps its figures");
        (await MonthAsync(5)).Should().Be((may0.Contracts, may0.Amount + 60m, may0.Tech + 50m), "the month of the change carries the difference");

        var cockpit = await CockpitMonthlyAsync();
        cockpit.Single(m => m.Month == 3).Amount.Should().Be(cockpit0.Single(m => m.Month == 3).Amount);
        cockpit.Single(m => m.Month == 5).Amount.Should().Be(cockpit0.Single(m => m.Month == 5).Amount + 60m);
        var (statsTotal, statsMonths) = await StatsAsync();
        statsTotal.Should().Be(statsTotal0 + 60m, "the year's 成交额 follows the change");
        statsMonths[2].Should().Be(statsMonths0[2]);
        statsMonths[4].Should().Be(statsMonths0[4] + 60m);

        var page = await (await fx.SignInAsync("ent.a")).GetPageAsync($"/contracts/{contract.Id}");
        page.QuerySelector("#contract-history")!.TextContent.Should().Contain("成交额：120 万元 → 180 万元");
    }

    [Fact]
    public async Task A_cancellation_in_a_later_month_takes_the_contract_out_from_that_month_on()
    {
        var april = new DateTimeOffset(2026, 4, 8, 10, 0, 0, Beijing);
        var june = new DateTimeOffset(2026, 6, 3, 10, 0, 0, Beijing);
        var (april0, june0) = (await MonthAsync(4), await MonthAsync(6));
        var contract = await RegisteredAsync("注销测试：合同解除", april, amount: 90m);
        var (statsTotal0, _) = await StatsAsync();

        var filer = await AtAsync(june, "ent.a");
        var fields = Fields(await filer.GetPageAsync($"/contracts/{contract.Id}/change"));
        (fields["ContractAmount"], fields["ChangeReason"]) = ("95", "价款调整");
        (await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var registrar = await fx.SignInAsync("registrar.city");
        (await ActAsync(registrar, await LoadAsync(contract.Id), "cancel", new() { ["Remark"] = "双方协商解除合同" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(contract.Id)).Status.Should().Be(ContractStatus.Cancelled);
        (await fx.WithDbAsync((db, _) => db.ContractChangeRequests.SingleAsync(r => r.ContractId == contract.Id))).Status
            .Should().Be(ChangeRequestStatus.Rejected, "a request waiting when the contract is cancelled closes with it");

        (await MonthAsync(4)).Should().Be((april0.Contracts + 1, april0.Amount + 90m, april0.Tech + 70m), "April keeps the registration");
        (await MonthAsync(6)).Should().Be((june0.Contracts - 1, june0.Amount - 90m, june0.Tech - 70m), "June takes it out");
        var (statsTotal, statsMonths) = await StatsAsync();
        statsTotal.Should().Be(statsTotal0 - 90m);
        var cockpit = await CockpitMonthlyAsync();
        cockpit.Single(m => m.Month == 6).Amount.Should().Be(statsMonths[5], "the cockpit and the statistics page count the same months");
    }

    [Fact]
    public async Task Only_the_filer_asks_and_only_the_points_registrar_decides()
    {
        var contract = await RegisteredAsync("变更测试：权限", new DateTimeOffset(2026, 6, 3, 10, 0, 0, Beijing));
        (await (await fx.SignInAsync("univ.buct")).GetAsync($"/contracts/{contract.Id}/change")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "another organization does not see the contract");
        (await (await fx.SignInAsync("county.huaining")).GetAsync($"/contracts/{contract.Id}/change")).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "the seller's county sees it but does not file");

        var filer = await fx.SignInAsync("ent.a");
        var fields = Fields(await filer.GetPageAsync($"/contracts/{contract.Id}/change"));
        fields["ContractAmount"] = "150";
        var noReason = await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields);
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        var errors = PortalClient.Parse(await noReason.Content.ReadAsStringAsync());
        errors.QuerySelector("[data-valmsg-for=ChangeReason]")!.TextContent.Should().Contain("请填写变更理由");
        fields["ChangeReason"] = "价款调整";
        (await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await (await fx.SignInAsync("county.huaining")).PostFormAsync($"/contracts/{contract.Id}/change/approve", new() { ["Version"] = "0" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await filer.PostFormAsync($"/contracts/{contract.Id}/change/approve", new() { ["Version"] = "0" })).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "the filer does not approve its own change");
        (await LoadAsync(contract.Id)).ContractAmount.Should().Be(120m);

        var registrar = await fx.SignInAsync("registrar.city");
        var version = (await registrar.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#change-panel input[name=Version]")!.GetAttribute("value")!;
        (await registrar.PostFormAsync($"/contracts/{contract.Id}/change/reject", new() { ["Version"] = version, ["Remark"] = "未附补充协议" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        contract = await LoadAsync(contract.Id);
        contract.ContractAmount.Should().Be(120m, "a rejected change keeps the terms");
        contract.Events.OrderBy(e => e.At).Last().Action.Should().Be("驳回变更申请");
        (await filer.GetAsync($"/contracts/{contract.Id}/change")).StatusCode.Should().Be(HttpStatusCode.OK, "after a rejection the filer may ask again");
    }

    [Fact]
    public async Task The_month_summary_is_always_the_ledgers_sum_by_Beijing_month()
    {
        // A change that moves the buyer to another county: the old pair loses the contract, the new pair gains it, in June.
        var contract = await RegisteredAsync("变更测试：买方变更", new DateTimeOffset(2026, 5, 20, 10, 0, 0, Beijing));
        var filer = await AtAsync(new DateTimeOffset(2026, 6, 1, 9, 0, 0, Beijing), "ent.a");
        var fields = Fields(await filer.GetPageAsync($"/contracts/{contract.Id}/change"));
        (fields["BuyerName"], fields["BuyerDivisionCode"], fields["ChangeReason"]) = ("望江县某企业", "340827", "合同主体变更");
        fields["BuyerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340827MA2N00999");
        var filed = await filer.PostFormAsync($"/contracts/{contract.Id}/change", fields);
        var body = await filed.Content.ReadAsStringAsync();
        filed.StatusCode.Should().Be(HttpStatusCode.Redirect, body);
        var registrar = await fx.SignInAsync("registrar.city");
        var version = (await registrar.GetPageAsync($"/contracts/{contract.Id}")).QuerySelector("#change-panel input[name=Version]")!.GetAttribute("value")!;
        (await registrar.PostFormAsync($"/contracts/{contract.Id}/change/approve", new() { ["Version"] = version })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoadAsync(contract.Id)).BuyerRegionCode.Should().Be("340827");

        var moves = await fx.WithDbAsync((db, _) => db.ContractFigureMoves.AsNoTracking().Where(m => m.ContractId == contract.Id).ToListAsync());
        moves.Select(m => (m.At.ToOffset(Beijing).Month, m.BuyerRegionCode, m.Contracts, m.ContractAmount)).Should().BeEquivalentTo(
            [(5, "340882", 1, 120m), (6, "340882", -1, -120m), (6, "340827", 1, 120m)]);

        var (ledger, summary) = await fx.WithDbAsync(async (db, _) => (await db.ContractFigureMoves.AsNoTracking().ToListAsync(), await db.ContractMonthTotals.AsNoTracking().ToListAsync()));
        var expected = ledger.GroupBy(m => (Month: new DateOnly(m.At.ToOffset(Beijing).Year, m.At.ToOffset(Beijing).Month, 1), Seller: m.SellerRegionCode ?? "", Buyer: m.BuyerRegionCode ?? "", m.IsImported))
            .Select(g => (g.Key.Month, g.Key.Seller, g.Key.Buyer, g.Key.IsImported, g.Sum(m => m.Contracts), g.Sum(m => m.ContractAmount)))
            .Where(x => x.Item5 != 0 || x.Item6 != 0);
        summary.Where(t => t.Contracts != 0 || t.ContractAmount != 0).Select(t => (t.Month, t.SellerRegionCode, t.BuyerRegionCode, t.IsImported, t.Contracts, t.ContractAmount))
            .Should().BeEquivalentTo(expected);
    }
}
