using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;

namespace AnqingTechTransfer.Domain.Tests;

public class FirstProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static FirstProductApplication Application(DateOnly? firstUse = null) =>
        FirstProductApplication.Submit(Guid.NewGuid(), "华宁", "91340822MA2N00501X", "340822", FirstKind.Material, "高纯电子级树脂", "HN-01", "金属离子≤10ppb",
            firstUse ?? Today.AddMonths(-2), "某光刻胶公司", "CX2026-001", "", "", Today, Now);

    [Fact]
    public void An_application_answers_a_published_entry_of_its_kind_that_is_not_retired()
    {
        FirstProductApplication Answering(DemandEntry entry) => FirstProductApplication.Submit(Guid.NewGuid(), "华宁", "91340822MA2N00501X", "340822", FirstKind.Material,
            "高纯电子级树脂", "HN-01", "金属离子≤10ppb", Today.AddMonths(-2), "某光刻胶公司", "CX2026-001", "", "", Today, Now, entry);
        var entry = DemandEntry.Add(2026, FirstKind.Material, "新材料", "电子级树脂", "金属离子≤10ppb", "", "", "", Now);
        new Action(() => Answering(entry)).Should().Throw<DomainException>("a draft entry is not answered").Which.Field.Should().Be("DemandEntryId");
        entry.Publish();
        Answering(entry).DemandEntryId.Should().Be(entry.Id);
        var equipment = DemandEntry.Add(2026, FirstKind.Equipment, "装备", "数控机床", "精度", "", "", "", Now);
        equipment.Publish();
        new Action(() => Answering(equipment)).Should().Throw<DomainException>().WithMessage("*类别不一致*");
        entry.Retire("已研制成功", Now);
        new Action(() => Answering(entry)).Should().Throw<DomainException>().WithMessage("*已调出*");
        Application().DemandEntryId.Should().BeNull("answering no entry is allowed");
    }

    [Fact]
    public void An_application_is_screened_then_decided_with_reasons_and_a_recognised_product_enters_one_catalog()
    {
        new Action(() => Application(Today.AddDays(1))).Should().Throw<DomainException>().Which.Field.Should().Be("FirstUseOn");
        var a = Application();
        a.Invoking(x => x.Decide(true, "符合", 2026)).Should().Throw<DomainException>("the county screens first");
        a.Invoking(x => x.Screen(false, "")).Should().Throw<DomainException>();
        a.Screen(true, null);
        a.Invoking(x => x.Decide(true, " ", 2026)).Should().Throw<DomainException>();
        a.Invoking(x => x.IncludeInCatalog(2026)).Should().Throw<DomainException>();
        a.Decide(true, "技术指标达到国内领先", 2026);
        a.IncludeInCatalog(2027);
        a.Invoking(x => x.IncludeInCatalog(2028)).Should().Throw<DomainException>("once in a catalog");
        a.CatalogYear.Should().Be(2027);
    }

    [Fact]
    public void The_same_product_has_one_key_whatever_the_spacing_and_case_of_the_credit_code()
    {
        FirstProductApplication.ProductKey("91340822ma2n00501x", FirstKind.Material, " 高纯电子级树脂 ", "HN-01")
            .Should().Be(Application().Key);
        FirstProductApplication.ProductKey("91340822MA2N00501X", FirstKind.Equipment, "高纯电子级树脂", "HN-01").Should().NotBe(Application().Key);
    }

    [Fact]
    public void A_demand_entry_is_revised_retired_with_a_reason_and_the_next_years_list_starts_from_those_still_asked_for()
    {
        var resin = DemandEntry.Add(2026, FirstKind.Material, "新材料", "电子级树脂", "金属离子≤10ppb", "某光刻胶公司", "KrF光刻胶", "上游材料", Now);
        var sensor = DemandEntry.Add(2026, FirstKind.Equipment, "装备", "在线粘度仪", "精度±1%", "", "", "", Now);
        var software = DemandEntry.Add(2026, FirstKind.Software, "软件", "园区安全监测平台", "接入1000路视频", "", "", "", Now);
        resin.Publish();
        resin.Revise("新材料", "电子级树脂", "金属离子≤1ppb", "某光刻胶公司", "ArF光刻胶", "上游材料", Now.AddDays(1));
        resin.Targets.Should().Be("金属离子≤1ppb");
        resin.RevisedAt.Should().Be(Now.AddDays(1), "a published entry says it was adjusted");

        sensor.Invoking(e => e.Retire(" ", Now)).Should().Throw<DomainException>().WithMessage("*理由*");
        sensor.Retire("已有本地企业研制成功", Now);
        sensor.Invoking(e => e.Revise("装备", "在线粘度仪", "精度±0.5%", "", "", "", Now)).Should().Throw<DomainException>();

        var already = DemandEntry.Add(2027, FirstKind.Software, "软件", "园区安全监测平台", "接入2000路视频", "", "", "", Now);
        var next = DemandEntry.Revision([resin, sensor, software], [already], 2027, Now);
        next.Should().ContainSingle("the retired one stays behind and the one next year already lists is not doubled")
            .Which.Should().Match<DemandEntry>(d => d.Product == "电子级树脂" && d.Year == 2027 && d.Targets == "金属离子≤1ppb" && !d.IsPublished);
    }
}
