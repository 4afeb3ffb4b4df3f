using System.Net;
using AngleSharp.Html.Dom;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.IntegrationTests.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Market;

/// <summary>
/// 撮合 (issue 24 §8): the bureau and a county (keeper of its commissioners) see the suggestions with their reasons and broker a
/// docking; both sides accept; the contract filed from it is registered and the need is solved; the bureau's "needs solved"
/// figure equals a count by hand from the docking and contract tables.
/// </summary>
public class BrokeringTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string NeedTitle = "高选择性加氢催化剂开发";
    private const string ResultTitle = "绿色催化材料制备技术";

    /// <summary>By hand: the needs whose docking's contract is registered, from the two tables read whole.</summary>
    private Task<int> HandCountAsync() => fx.WithDbAsync(async (db, _) =>
    {
        var links = await db.DockingRequests.AsNoTracking().Where(r => r.ContractId != null).Select(r => new { r.NeedId, r.ContractId }).ToListAsync();
        var registered = (await db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered).Select(c => c.Id).ToListAsync()).ToHashSet();
        return links.Where(l => registered.Contains(l.ContractId!.Value)).Select(l => l.NeedId).Distinct().Count();
    });

    private async Task<int> FigureAsync() =>
        int.Parse((await (await fx.As("bureau")).GetPageAsync("/docking")).QuerySelector("#needs-solved")!.TextContent.Trim());

    [Fact]
    public async Task A_county_brokers_a_suggested_pair_both_sides_accept_and_the_registered_contract_solves_the_need()
    {
        var (need, result) = await fx.WithDbAsync(async (db, _) =>
            (await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Title == NeedTitle), await db.TechResults.AsNoTracking().SingleAsync(r => r.Title == ResultTitle)));
        (await HandCountAsync()).Should().Be(0, "the demo has no docking that ended in a contract");
        (await FigureAsync()).Should().Be(0);

        // 怀宁县 sees its enterprise's need with the suggested result and the reasons; 潜山市 does not see 怀宁县's need; the bureau sees it.
        var county = await fx.As("county.huaining");
        var page = await county.GetPageAsync("/docking/suggestions");
        var pair = page.QuerySelector($".broker-need[data-need='{need.Id}'] .broker-pair[data-result='{result.Id}']");
        pair.Should().NotBeNull("the result is suggested for the need");
        pair!.QuerySelector(".match-reasons")!.TextContent.Should().Contain("同一技术领域").And.Contain("合作方式相符");
        (await (await fx.As("county.qianshan")).GetPageAsync("/docking/suggestions")).QuerySelector($".broker-need[data-need='{need.Id}']").Should().BeNull();
        (await (await fx.As("bureau")).GetPageAsync("/docking/suggestions")).QuerySelector($".broker-need[data-need='{need.Id}']").Should().NotBeNull("the bureau sees every region's needs");
        (await (await fx.As("ent.a")).GetAsync("/docking/suggestions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Bad input comes back next to the pair's form, in Chinese; another region's county may not broker the pair.
        var fields = new Dictionary<string, string> { ["needId"] = need.Id.ToString(), ["resultId"] = result.Id.ToString(), ["message"] = "" };
        var bad = await county.PostFormAsync("/docking/broker", fields, "/docking/suggestions");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await bad.Content.ReadAsStringAsync())
            .QuerySelector($".broker-need[data-need='{need.Id}'] .broker-pair[data-result='{result.Id}'] .broker-error")!.TextContent.Should().Contain("请填写");
        (await (await fx.As("county.qianshan")).PostFormAsync("/docking/broker", new(fields) { ["message"] = "撮合" }, "/docking/suggestions"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // 怀宁县 brokers it in its commissioner's name.
        var countyOrg = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "county.huaining").Select(u => u.OrganizationId).SingleAsync());
        var commissioner = await fx.WithDbAsync(async (db, _) =>
        {
            var registered = Commissioner.Register(countyOrg, "340822", CommissionerKind.DualChain, "钱专员", "安徽大学", "怀宁县化工企业", 2026, fx.Clock.GetUtcNow());
            db.Commissioners.Add(registered);
            await db.SaveChangesAsync();
            return new { registered.Id, registered.Name };
        });
        (await county.GetPageAsync("/docking/suggestions")).QuerySelector("select[name=commissionerId]")!.TextContent.Should().Contain("钱专员");
        var brokered = await county.PostFormAsync("/docking/broker",
            new(fields) { ["message"] = "双方同属化工新材料领域，催化剂选择性指标相符", ["commissionerId"] = commissioner.Id.ToString() }, "/docking/suggestions");
        brokered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var url = brokered.Headers.Location!.OriginalString;
        var request = await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.NeedId == need.Id && r.ResultId == result.Id));
        request.BrokerOrganizationId.Should().Be(countyOrg);
        request.BrokerCommissionerName.Should().Be(commissioner.Name);
        (await county.GetPageAsync(url)).QuerySelector("#docking-broker")!.TextContent.Should().Contain("经纪撮合").And.Contain(commissioner.Name);
        (await county.GetPageAsync("/docking")).QuerySelector("#docking-table")!.TextContent.Should().Contain("撮合：");
        (await (await fx.As("ent.b")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a third party does not see it");
        (await county.PostFormAsync("/docking/broker", new(fields) { ["message"] = "再撮合" }, "/docking/suggestions")).StatusCode
            .Should().Be(HttpStatusCode.OK, "a second open docking on the pair is refused with the reason");

        // Both sides accept: the enterprise first (still pending), then the university.
        var ent = await fx.As("ent.a");
        var buct = await fx.As("univ.buct");
        (await ent.PostFormAsync($"{url}/decide", new() { ["accept"] = "true", ["version"] = request.Version.ToString() }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var half = await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        half.Status.Should().Be(DockingStatus.Pending);
        (await buct.GetPageAsync(url)).QuerySelector("#broker-answers")!.TextContent.Should().Contain("需求方已接受").And.Contain("成果方尚未接受");
        (await buct.PostFormAsync($"{url}/decide", new() { ["accept"] = "true", ["version"] = half.Version.ToString() }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).Status.Should().Be(DockingStatus.Accepted);

        // The university files the pre-filled contract; registrar.city registers it; the need is solved.
        var form = await buct.GetPageAsync($"/contracts/new?docking={request.Id}");
        var posted = await ContractFilingForms.CompleteAsync(fx, ResultTitle);
        foreach (var field in form.QuerySelectorAll("#contract-form input[name], #contract-form select[name]"))
        {
            var name = field.GetAttribute("name")!;
            var value = field switch { IHtmlSelectElement s => s.Value, IHtmlInputElement i when i.Type is not ("file" or "checkbox" or "submit") => i.Value, _ => null };
            if (!name.StartsWith("__", StringComparison.Ordinal) && !string.IsNullOrEmpty(value) && (name.StartsWith("Seller", StringComparison.Ordinal)
                || name.StartsWith("Buyer", StringComparison.Ordinal) || name is "DockingRequestId" or "ProjectName" or "Type" or "SubType"))
            {
                posted[name] = value;
            }
        }

        posted["DockingRequestId"].Should().Be(request.Id.ToString());
        var filed = await buct.PostMultipartAsync("/contracts/new", posted, ("ContractTextFiles", "合同文本.pdf", ContractFilingForms.Pdf), "/contracts/new");
        filed.StatusCode.Should().Be(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var registrar = await fx.SignInAsync("registrar.city");
        foreach (var step in new[] { "accept", "review", "approve" })
        {
            var contract = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.ProjectName == ResultTitle));
            (await ContractFilingForms.ActAsync(registrar, contract, step)).StatusCode.Should().Be(HttpStatusCode.Redirect, step);
            (await fx.WithDbAsync((db, _) => db.TechNeeds.AsNoTracking().SingleAsync(n => n.Id == need.Id))).Status
                .Should().Be(step == "approve" ? ListingStatus.Solved : ListingStatus.Published, $"after {step}");
        }

        (await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.ProjectName == ResultTitle))).Status.Should().Be(ContractStatus.Registered);
        (await buct.GetPageAsync(url)).QuerySelector("#need-solved")!.TextContent.Should().Contain("已解决");

        // The figure: a count by hand, equal to the needs marked 已解决; the open data lists the need as solved.
        var hand = await HandCountAsync();
        hand.Should().Be(1);
        (await FigureAsync()).Should().Be(hand);
        (await fx.WithDbAsync((db, _) => db.TechNeeds.CountAsync(n => n.Status == ListingStatus.Solved))).Should().Be(hand);
        var needs = await (await fx.Anonymous().GetAsync("/open-data/needs.csv")).Content.ReadAsStringAsync();
        needs.Split('\n').Single(l => l.StartsWith(NeedTitle + ",", StringComparison.Ordinal)).TrimEnd().Should().EndWith(",已解决");
    }
}
