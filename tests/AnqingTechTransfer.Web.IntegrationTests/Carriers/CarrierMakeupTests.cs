using System.Net;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Carriers;

/// <summary>Issue 24 §5: recognition panels from the expert pool, withdrawing a pilot service, a consortium's members and an enclave's location.</summary>
public class CarrierMakeupTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly string Aqnu = Domain.Organizations.CreditCode.Complete("12340800MB1234561"); // 安庆师范大学, employer of demo experts

    private async Task<Carrier> CarrierAsync(string name, CarrierType type, string hostUser, string? hostCreditCode = null)
    {
        await fx.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == hostUser);
            var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId);
            db.Carriers.Add(Carrier.Register(name, type, CarrierLevel.Municipal, host.Id, host.Name, hostCreditCode ?? host.CreditCode, string.Empty, host.RegionCode.Length > 0 ? host.RegionCode : "340800",
                null, string.Empty, CarrierStatus.Cultivating, fx.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        return await fx.WithDbAsync((db, _) => db.Carriers.AsNoTracking().SingleAsync(c => c.Name == name));
    }

    private Task<Carrier> ReadAsync(Guid id) => fx.WithDbAsync((db, _) => db.Carriers.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task The_bureau_draws_a_recognition_panel_from_the_pool_and_the_applicants_own_experts_are_excluded()
    {
        // The demo experts' employer code for 安庆师范大学 is the one the host is registered with here.
        var carrier = await CarrierAsync("安庆师范大学功能材料重点实验室", CarrierType.KeyLaboratory, "univ.aqnu", Aqnu);
        var host = await fx.As("univ.aqnu");
        await host.PostFormAsync($"/carriers/{carrier.Id}/recognitions", new() { ["level"] = "Municipal", ["statement"] = "建成省级以上平台2个" }, $"/carriers/{carrier.Id}");
        var application = await fx.WithDbAsync((db, _) => db.RecognitionApplications.AsNoTracking().SingleAsync(a => a.CarrierId == carrier.Id));

        var eligible = await fx.WithDbAsync(async (db, _) => (await db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active).ToListAsync())
            .Where(e => e.Profile.FieldCodes.Contains("01")).ToList());
        var own = eligible.Where(e => e.Profile.EmployerCreditCode == Aqnu).Select(e => e.Id).ToList();
        own.Should().NotBeEmpty("the demo pool holds experts employed by 安庆师范大学");
        (await host.PostPairsAsync($"/carriers/recognitions/{application.Id}/panel", ("FieldCodes", "01"), ("Count", "1"), ("version", application.Version.ToString())))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the bureau draws the panel");

        // Every eligible expert of field 01 is drawn, except the applicant's own: a draw asking for one more fails and leaves nothing behind.
        var bureau = await fx.As("bureau");
        (await bureau.GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector($"#panel-form-{application.Id}").Should().NotBeNull();
        var panelsBefore = await fx.WithDbAsync((db, _) => db.ReviewPanels.CountAsync());
        await bureau.PostPairsAsync($"/carriers/recognitions/{application.Id}/panel", ("FieldCodes", "01"), ("Count", (eligible.Count - own.Count + 1).ToString()),
            ("Reserves", "0"), ("PerEmployerCap", "25"), ("MinCredit", "0"), ("version", application.Version.ToString()));
        (await fx.WithDbAsync((db, _) => db.ReviewPanels.CountAsync())).Should().Be(panelsBefore, "a draw that cannot be made leaves no panel");
        (await fx.WithDbAsync((db, _) => db.RecognitionApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).PanelId.Should().BeNull();
        (await bureau.GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("符合条件的专家不足");

        var drawn = await bureau.PostPairsAsync($"/carriers/recognitions/{application.Id}/panel", ("FieldCodes", "01"), ("Count", (eligible.Count - own.Count).ToString()),
            ("Reserves", "0"), ("PerEmployerCap", "25"), ("MinCredit", "0"), ("version", application.Version.ToString()));
        drawn.Headers.Location!.OriginalString.Should().Be($"/carriers/{carrier.Id}");
        var assigned = await fx.WithDbAsync((db, _) => db.RecognitionApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        var panel = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == assigned.PanelId));
        panel.Status.Should().Be(PanelStatus.Drawn);
        panel.SubjectKind.Should().Be("载体认定");
        panel.Members.Should().HaveCount(eligible.Count - own.Count);
        panel.Members.Select(m => m.ExpertId).Should().NotIntersectWith(own);
        panel.Draw!.Result.Exclusions.Where(x => own.Contains(x.ExpertId)).Should().OnlyContain(x => x.Reason.Contains("同一法人单位"));
        (await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "抽取专家" && a.EntityId == panel.Id.ToString()))).Should().Be(1);

        var page = await bureau.GetPageAsync($"/carriers/{carrier.Id}");
        page.QuerySelector($"#panel-link-{application.Id}").Should().NotBeNull();
        page.QuerySelector($"#panel-form-{application.Id}").Should().BeNull("one panel per application");
        await bureau.PostPairsAsync($"/carriers/recognitions/{application.Id}/panel", ("FieldCodes", "01"), ("Count", "1"), ("version", assigned.Version.ToString()));
        (await fx.WithDbAsync((db, _) => db.ReviewPanels.CountAsync())).Should().Be(panelsBefore + 1);
        (await host.GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector($"#panel-link-{application.Id}").Should().BeNull("the applicant sees no panel");
    }

    [Fact]
    public async Task A_base_withdraws_its_service_with_a_reason_it_leaves_the_public_list_and_open_requests_are_told()
    {
        var carrier = await CarrierAsync("北化工精细化工中试平台", CarrierType.PilotBaseGeneral, "univ.buct");
        var buct = await fx.As("univ.buct");
        await buct.PostFormAsync($"/carriers/{carrier.Id}/services", new() { ["title"] = "撤回测试：千升级放大", ["equipment"] = "1000L反应釜" }, $"/carriers/{carrier.Id}");
        var service = await fx.WithDbAsync((db, _) => db.PilotServices.AsNoTracking().SingleAsync(s => s.Title == "撤回测试：千升级放大"));
        await (await fx.As("ent.a")).PostFormAsync($"/carriers/services/{service.Id}/requests", new() { ["need"] = "千升级放大验证" }, "/carriers/services");
        (await fx.Anonymous().GetPageAsync("/carriers/services")).QuerySelector("#service-table")!.TextContent.Should().Contain("撤回测试：千升级放大");

        var withdraw = new Dictionary<string, string> { ["reason"] = "设备检修，暂停对外服务", ["version"] = service.Version.ToString() };
        (await (await fx.As("ent.b")).PostFormAsync($"/carriers/services/{service.Id}/withdraw", withdraw, "/carriers/services")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("county.huaining")).PostFormAsync($"/carriers/services/{service.Id}/withdraw", withdraw, "/carriers/services")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the base or the bureau withdraws");
        await buct.PostFormAsync($"/carriers/services/{service.Id}/withdraw", new() { ["reason"] = " ", ["version"] = service.Version.ToString() }, $"/carriers/{carrier.Id}");
        (await fx.WithDbAsync((db, _) => db.PilotServices.AsNoTracking().SingleAsync(s => s.Id == service.Id))).IsPublished.Should().BeTrue("a withdrawal says why");

        (await buct.PostFormAsync($"/carriers/services/{service.Id}/withdraw", withdraw, $"/carriers/{carrier.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var withdrawn = await fx.WithDbAsync((db, _) => db.PilotServices.AsNoTracking().SingleAsync(s => s.Id == service.Id));
        withdrawn.IsPublished.Should().BeFalse();
        withdrawn.WithdrawalReason.Should().Be("设备检修，暂停对外服务");
        (await fx.Anonymous().GetPageAsync("/carriers/services")).QuerySelector("#service-table")!.TextContent.Should().NotContain("撤回测试：千升级放大");
        (await fx.Anonymous().GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector("#carrier-services")!.TextContent.Should().NotContain("撤回测试");
        (await buct.GetPageAsync($"/carriers/{carrier.Id}")).QuerySelector(".withdrawn-service")!.TextContent.Should().Contain("设备检修，暂停对外服务");
        (await (await fx.As("ent.b")).PostFormAsync($"/carriers/services/{service.Id}/requests", new() { ["need"] = "再申请" }, "/carriers/services")).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "a withdrawn service is no longer found");

        var told = await fx.WithDbAsync(async (db, _) =>
        {
            var entA = await db.Users.AsNoTracking().Where(u => u.UserName == "ent.a").Select(u => u.OrganizationId).SingleAsync();
            var entB = await db.Users.AsNoTracking().Where(u => u.UserName == "ent.b").Select(u => u.OrganizationId).SingleAsync();
            var recipients = await db.Notifications.AsNoTracking().Where(n => n.Title == "中试服务已撤回" && n.Body.Contains("撤回测试：千升级放大"))
                .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.OrganizationId).ToListAsync();
            return (recipients, entA, entB);
        });
        told.recipients.Should().NotBeEmpty().And.OnlyContain(o => o == told.entA, "only the organization with an open request is told");
    }

    [Fact]
    public async Task A_consortium_keeps_its_member_organizations_and_an_enclave_its_location_outside_anqing()
    {
        var consortium = await CarrierAsync("安庆新材料创新联合体", CarrierType.InnovationConsortium, "ent.a");
        var entA = await fx.As("ent.a");
        var codes = await fx.WithDbAsync(async (db, _) => (
            await db.Organizations.Where(o => o.Name == "安庆师范大学").Select(o => o.CreditCode).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "安庆皖江技术转移中心有限公司").Select(o => o.CreditCode).SingleAsync()));
        async Task<HttpResponseMessage> AddAsync(PortalClient client, string code, string role, string duty) =>
            await client.PostFormAsync($"/carriers/{consortium.Id}/members",
                new() { ["creditCode"] = code, ["role"] = role, ["duty"] = duty, ["version"] = (await ReadAsync(consortium.Id)).Version.ToString() }, $"/carriers/{consortium.Id}");

        (await AddAsync(await fx.As("ent.b"), codes.Item1, "Member", "x")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the host or the bureau");
        (await AddAsync(await fx.As("county.huaining"), codes.Item1, "Member", "x")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await AddAsync(entA, (await ReadAsync(consortium.Id)).HostCreditCode, "Lead", "总体设计与产业化");
        await AddAsync(entA, codes.Item1, "Member", "关键材料研发");
        await AddAsync(await fx.As("bureau"), codes.Item2, "Member", "成果转移转化服务");
        await AddAsync(entA, Domain.Organizations.CreditCode.Complete("91340800MA2R99991"), "Member", "不在平台");
        (await entA.GetPageAsync($"/carriers/{consortium.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("没有对应的平台注册单位");
        await AddAsync(entA, codes.Item1, "Lead", "再次");
        (await entA.GetPageAsync($"/carriers/{consortium.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("已是联合体成员");

        var members = (await ReadAsync(consortium.Id)).Members;
        members.Select(m => (m.OrganizationName, m.Role)).Should().Equal(
            (consortium.HostName, ConsortiumRole.Lead), ("安庆师范大学", ConsortiumRole.Member), ("安庆皖江技术转移中心有限公司", ConsortiumRole.Member));
        var rows = (await fx.Anonymous().GetPageAsync($"/carriers/{consortium.Id}")).QuerySelectorAll("#member-table tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(3);
        rows[0].Should().Contain("牵头单位").And.Contain("总体设计与产业化");
        rows[1].Should().Contain("安庆师范大学").And.Contain("成员单位").And.Contain("关键材料研发");

        var aqnuId = members.Single(m => m.OrganizationName == "安庆师范大学").OrganizationId;
        (await (await fx.As("ent.b")).PostFormAsync($"/carriers/{consortium.Id}/members/{aqnuId}/remove",
            new() { ["version"] = (await ReadAsync(consortium.Id)).Version.ToString() }, $"/carriers/{consortium.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await entA.PostFormAsync($"/carriers/{consortium.Id}/members/{aqnuId}/remove", new() { ["version"] = (await ReadAsync(consortium.Id)).Version.ToString() },
            $"/carriers/{consortium.Id}");
        (await ReadAsync(consortium.Id)).Members.Select(m => m.OrganizationName).Should().NotContain("安庆师范大学");

        var enclave = await CarrierAsync("安庆（上海）研发飞地", CarrierType.RdEnclave, "univ.aqnu");
        var aqnu = await fx.As("univ.aqnu");
        async Task<HttpResponseMessage> LocateAsync(PortalClient client, string city) =>
            await client.PostFormAsync($"/carriers/{enclave.Id}/enclave", new()
            {
                ["province"] = "上海市", ["city"] = city, ["address"] = "浦东新区张江路100号", ["host"] = "张江科学城孵化园",
                ["version"] = (await ReadAsync(enclave.Id)).Version.ToString(),
            }, $"/carriers/{enclave.Id}");
        (await LocateAsync(await fx.As("ent.a"), "上海市")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await LocateAsync(aqnu, "安庆市");
        (await aqnu.GetPageAsync($"/carriers/{enclave.Id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("安庆市以外");
        (await ReadAsync(enclave.Id)).Enclave.Should().BeNull();
        await LocateAsync(aqnu, "上海市");
        (await ReadAsync(enclave.Id)).Enclave.Should().Be(new EnclaveLocation("上海市", "上海市", "浦东新区张江路100号", "张江科学城孵化园"));
        (await fx.Anonymous().GetPageAsync($"/carriers/{enclave.Id}")).QuerySelector("#enclave-location")!.TextContent.Should().Contain("张江科学城孵化园");
        (await fx.Anonymous().GetPageAsync($"/carriers/{enclave.Id}")).QuerySelector("#enclave-form").Should().BeNull();
        (await fx.Anonymous().GetPageAsync($"/carriers/{consortium.Id}")).QuerySelector("#enclave-location").Should().BeNull("a consortium is no enclave");
    }
}
