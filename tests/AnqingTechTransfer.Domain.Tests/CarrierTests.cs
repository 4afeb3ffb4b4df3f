using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;

namespace AnqingTechTransfer.Domain.Tests;

public class CarrierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Carrier Base(CarrierType type = CarrierType.PilotBaseGeneral, Guid? host = null) =>
        Carrier.Register("安庆化工中试基地", type, CarrierLevel.Municipal, host ?? Guid.NewGuid(), "安庆某化工公司", "91340800MA2N0001XL", "北京化工大学", "340871", null, "",
            CarrierStatus.Cultivating, Now);

    [Fact]
    public void The_ranking_counts_only_deals_with_a_buyer_in_anqing_and_breaks_ties_by_turnover_then_service_then_name()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var deals = new[]
        {
            new BrokeredDeal(a, 100, true), new BrokeredDeal(a, 50, true), new BrokeredDeal(a, 900, false),
            new BrokeredDeal(b, 120, true), new BrokeredDeal(b, 30, true),
            new BrokeredDeal(c, 150, true), new BrokeredDeal(c, 10, false),
        };
        var ranked = AgencyRanking.Rank([(a, "甲机构"), (b, "乙机构"), (c, "丙机构"), (d, "丁机构")], deals,
            new Dictionary<Guid, IReadOnlyList<decimal>> { [a] = [5, 1], [b] = [8, 0] }, 2);
        ranked.Select(r => r.Score.AgencyName).Should().Equal("乙机构", "甲机构", "丙机构", "丁机构");
        ranked[0].Score.Deals.Should().Be(2);
        ranked[1].Score.Turnover.Should().Be(150m, "the deal with a buyer outside Anqing does not count");
        ranked[1].Rank.Should().Be(2);
        ranked[3].Score.Deals.Should().Be(0, "an agency without deals is still ranked, last");
        ranked[3].Score.Extras.Should().Equal(0m, 0m);

        // With the bureau's indicators in another order, events held decide before enterprises served.
        AgencyRanking.Rank([(a, "甲机构"), (b, "乙机构")], deals, new Dictionary<Guid, IReadOnlyList<decimal>> { [a] = [1, 5], [b] = [0, 8] }, 2)
            .Select(r => r.Score.AgencyName).Should().Equal("甲机构", "乙机构");
    }

    [Fact]
    public void Municipal_recognition_is_applied_for_by_the_host_and_provincial_nomination_comes_from_the_county()
    {
        var host = Guid.NewGuid();
        var carrier = Base(host: host);
        new Action(() => RecognitionApplication.Apply(carrier, Guid.NewGuid(), false, CarrierLevel.Municipal, "说明", Now)).Should().Throw<DomainException>();
        new Action(() => RecognitionApplication.Apply(carrier, host, false, CarrierLevel.Provincial, "说明", Now)).Should().Throw<DomainException>().WithMessage("*推荐*");
        var application = RecognitionApplication.Apply(carrier, host, false, CarrierLevel.Municipal, "建成中试线3条，服务企业20家", Now);
        application.Invoking(x => x.Decide(carrier, true, " ", 2026, "第一批")).Should().Throw<DomainException>("a decision has its reasons");
        application.Decide(carrier, true, "符合市级中试基地认定条件", 2026, "第一批");
        carrier.Status.Should().Be(CarrierStatus.Recognised);
        carrier.RecognitionYear.Should().Be(2026);
        application.Invoking(x => x.Decide(carrier, false, "x", 2026, "")).Should().Throw<DomainException>();
        carrier.Invoking(c => c.Revoke(" ")).Should().Throw<DomainException>();
        carrier.Revoke("连续两年考核不合格");
        new Action(() => RecognitionApplication.Apply(carrier, host, false, CarrierLevel.Municipal, "再次申请", Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_report_asks_the_indicators_of_its_kind_and_a_fail_needs_a_reason()
    {
        var pilot = Base();
        PerformanceReport.IndicatorsFor(CarrierType.Incubator).Should().Contain("当年毕业企业数");
        new Action(() => PerformanceReport.File(pilot, 2026, [new IndicatorValue("中试验证次数", 12)], "", Now)).Should().Throw<DomainException>().WithMessage("*服务企业数*");
        var report = PerformanceReport.File(pilot, 2026, PerformanceReport.IndicatorsFor(pilot.Type).Select(n => new IndicatorValue(n, 5)).ToList(), "运行良好", Now);
        report.Invoking(r => r.Assess(Assessment.Fail, "")).Should().Throw<DomainException>();
        report.Assess(Assessment.Good, "");
        report.Invoking(r => r.Assess(Assessment.Excellent, "")).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_pilot_service_is_requested_accepted_and_completed_with_its_outcome()
    {
        new Action(() => PilotService.Publish(Base(CarrierType.Incubator), "中试", "反应釜", "", "", Now)).Should().Throw<DomainException>("only pilot bases offer pilot services");
        var service = PilotService.Publish(Base(), "精细化工百公斤级中试", "500L反应釜、精馏塔", "百公斤级", "5–20万元", Now);
        var enterprise = Guid.NewGuid();
        new Action(() => ServiceRequest.Ask(service, service.OrganizationId, "自己", "x", Now)).Should().Throw<DomainException>();
        var request = ServiceRequest.Ask(service, enterprise, "华宁新材料", "催化剂百公斤级放大", Now);
        request.Invoking(r => r.Complete("完成", Now)).Should().Throw<DomainException>("accepted first");
        request.Invoking(r => r.Answer(false, "")).Should().Throw<DomainException>("a refusal has a reason");
        request.Answer(true, "安排下周进场");
        request.Invoking(r => r.Complete(" ", Now)).Should().Throw<DomainException>();
        request.Complete("完成3批次放大，收率92%", Now);
        request.Status.Should().Be(ServiceRequestStatus.Completed);
        service.Invoking(s => s.Unpublish(" ", Now)).Should().Throw<DomainException>("a withdrawal says why");
        service.Unpublish("设备检修，暂停对外服务", Now);
        service.IsPublished.Should().BeFalse();
        service.WithdrawalReason.Should().Be("设备检修，暂停对外服务");
        service.Invoking(s => s.Unpublish("再次", Now)).Should().Throw<DomainException>("already withdrawn");
        new Action(() => ServiceRequest.Ask(service, enterprise, "华宁", "再来", Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_consortium_has_one_lead_unit_and_each_organization_once_and_only_a_consortium_has_members()
    {
        Base().Invoking(c => c.AddMember(Guid.NewGuid(), "某大学", ConsortiumRole.Member, "", Now)).Should().Throw<DomainException>("a pilot base has no members");
        var consortium = Base(CarrierType.InnovationConsortium);
        var lead = Guid.NewGuid();
        var member = Guid.NewGuid();
        consortium.Invoking(c => c.AddMember(Guid.Empty, "不在平台", ConsortiumRole.Member, "", Now)).Should().Throw<DomainException>("members are organizations on the portal");
        consortium.AddMember(lead, "华宁新材料", ConsortiumRole.Lead, " 总体设计 ", Now);
        consortium.Invoking(c => c.AddMember(member, "安庆师范大学", ConsortiumRole.Lead, "", Now)).Should().Throw<DomainException>().WithMessage("*一家牵头单位*");
        consortium.AddMember(member, "安庆师范大学", ConsortiumRole.Member, "材料研发", Now);
        consortium.Invoking(c => c.AddMember(member, "安庆师范大学", ConsortiumRole.Member, "", Now)).Should().Throw<DomainException>().WithMessage("*已是联合体成员*");
        consortium.Invoking(c => c.AddMember(Guid.NewGuid(), "某单位", ConsortiumRole.Member, new string('长', 201), Now)).Should().Throw<DomainException>();
        consortium.Members.Select(m => (m.OrganizationName, m.Role, m.Duty)).Should().Equal(("华宁新材料", ConsortiumRole.Lead, "总体设计"),
            ("安庆师范大学", ConsortiumRole.Member, "材料研发"));
        consortium.RemoveMember(lead);
        consortium.Invoking(c => c.RemoveMember(lead)).Should().Throw<DomainException>();
        consortium.AddMember(Guid.NewGuid(), "新牵头单位", ConsortiumRole.Lead, "", Now);
        consortium.Members.Should().HaveCount(2);
    }

    [Fact]
    public void An_enclave_lies_outside_anqing_with_its_host_and_only_an_enclave_has_a_location()
    {
        Base().Invoking(c => c.LocateEnclave("上海市", "上海市", "", "张江")).Should().Throw<DomainException>();
        var enclave = Base(CarrierType.TalentEnclave);
        enclave.Invoking(c => c.LocateEnclave("安徽省", "安庆市", "", "高新区")).Should().Throw<DomainException>().WithMessage("*安庆市以外*");
        enclave.Invoking(c => c.LocateEnclave("", "合肥市", "", "园区")).Should().Throw<DomainException>();
        enclave.Invoking(c => c.LocateEnclave("安徽省", "合肥市", "", " ")).Should().Throw<DomainException>().WithMessage("*承载单位*");
        enclave.LocateEnclave(" 上海市 ", "上海市", "张江路100号", "张江科学城孵化园");
        enclave.Enclave.Should().Be(new EnclaveLocation("上海市", "上海市", "张江路100号", "张江科学城孵化园"));
    }
}
