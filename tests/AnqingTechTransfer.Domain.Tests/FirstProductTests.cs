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
}
