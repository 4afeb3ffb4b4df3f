using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Domain.Tests;

public class MatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static NeedFacts Need(string field = "04", string[]? keywords = null, CooperationModes modes = CooperationModes.Commissioned, decimal? min = 50, decimal? max = 200,
        string region = "340822", string title = "高选择性加氢催化剂") =>
        new(Guid.NewGuid(), title, field, keywords ?? ["催化剂", "加氢"], modes, min, max, region);

    private static ResultFacts Result(string field = "04", string[]? keywords = null, CooperationModes modes = CooperationModes.Commissioned | CooperationModes.Transfer,
        decimal? price = 120, string region = "340822", int maturity = 6, string title = "绿色催化材料制备技术") =>
        new(Guid.NewGuid(), title, field, keywords ?? ["催化剂", "新材料"], modes, price, region, maturity);

    [Fact]
    public void Every_reason_adds_its_points_and_is_named()
    {
        var score = MatchRules.Score(Need(), Result());
        score.Points.Should().Be(MatchRules.SameField + MatchRules.PerKeyword + MatchRules.ModeCompatible + MatchRules.PriceWithinBudget + MatchRules.SameRegion);
        score.Reasons.Should().Equal("同一技术领域", "共同关键词：催化剂", "合作方式相符：委托开发", "参考价格在预算内", "同一县（市、区）或园区");
    }

    [Fact]
    public void A_keyword_found_in_the_other_sides_title_counts_and_keyword_points_are_capped()
    {
        MatchRules.SharedKeywords(Need(keywords: ["绿色", "制备"]), Result(keywords: ["x"])).Should().Equal("绿色", "制备");
        var many = MatchRules.Score(Need(keywords: ["a1", "a2", "a3", "a4"]), Result(keywords: ["a1", "a2", "a3", "a4"]));
        many.Points.Should().Be(MatchRules.SameField + MatchRules.MaxKeywordPoints + MatchRules.ModeCompatible + MatchRules.PriceWithinBudget + MatchRules.SameRegion);
    }

    [Theory]
    [InlineData(120, 50, 200, true)]
    [InlineData(250, 50, 200, false)]
    [InlineData(10, 50, 200, false)]
    [InlineData(500, null, null, true)]
    public void The_price_is_within_budget_up_to_the_maximum_and_not_far_below_the_minimum(decimal price, int? min, int? max, bool within) =>
        MatchRules.Score(Need(min: min, max: max), Result(price: price)).Reasons.Contains("参考价格在预算内").Should().Be(within);

    [Fact]
    public void A_negotiable_price_scores_less_than_a_price_in_budget_and_incompatible_modes_score_nothing()
    {
        var negotiable = MatchRules.Score(Need(), Result(price: null));
        negotiable.Reasons.Should().Contain("价格面议");
        negotiable.Points.Should().BeLessThan(MatchRules.Score(Need(), Result()).Points);
        MatchRules.Score(Need(modes: CooperationModes.Equity), Result(modes: CooperationModes.Licence)).Reasons.Should().NotContain(r => r.StartsWith("合作方式"));
    }

    [Fact]
    public void A_pair_without_a_shared_field_or_keyword_is_never_suggested_however_else_it_scores()
    {
        var need = Need(field: "01", keywords: ["电池"], title: "动力电池回收");
        var result = Result(field: "04", keywords: ["催化剂"]);
        var score = MatchRules.Score(need, result);
        MatchRules.IsSuggested(need, result, score).Should().BeFalse();
    }

    [Fact]
    public void Suggestions_are_ranked_by_points_then_maturity_and_cut_at_the_threshold()
    {
        var need = Need();
        var best = Result();
        var mature = Result(region: "340881", maturity: 9);
        var young = Result(region: "340881", maturity: 3);
        var weak = Result(field: "09", keywords: ["催化剂"], modes: CooperationModes.Equity, price: 900, region: "340881");
        var ranked = MatchRules.ForNeed(need, [young, weak, mature, best], 10);
        ranked.Select(r => r.Result).Should().Equal(best, mature, young);
        MatchRules.Score(need, weak).Points.Should().BeLessThan(MatchRules.Threshold);
        MatchRules.ForResult(best, [need], 5).Should().ContainSingle();
    }

    [Fact]
    public void Contacts_are_masked_for_the_public()
    {
        var contact = new Contact("张伟明", "13805561234");
        contact.MaskedName.Should().Be("张**");
        contact.MaskedPhone.Should().Be("138****1234");
        new Contact("王", "0556-5551234").MaskedPhone.Should().Be("055*****1234");
        new Action(() => new Contact("张", "abc").Validate()).Should().Throw<DomainException>();
    }

    private static TechNeed PublishedNeed(Guid org)
    {
        var need = TechNeed.Post(org, "华宁", "340822", Now);
        need.Edit("加氢催化剂", "选择性不足", "04", ["催化剂"], CooperationModes.Commissioned, new Contact("张工", "13805561234"), "≥95%", 50, 200, Today.AddMonths(6), Today);
        need.Review(true, null, Now);
        return need;
    }

    private static TechResult PublishedResult(Guid org)
    {
        var result = TechResult.Post(org, "北化工", "340871", Now);
        result.Edit("绿色催化材料", "简介", "04", ["催化剂"], CooperationModes.Commissioned, new Contact("李工", "13905561234"), 6, IpKind.InventionPatent,
            "ZL202310000001.1", "北化工", 120, "李工等5人");
        result.Review(true, null, Now);
        return result;
    }

    [Fact]
    public void A_listing_is_reviewed_before_publication_cannot_be_edited_while_public_and_can_be_withdrawn_resubmitted_and_closed()
    {
        var need = TechNeed.Post(Guid.NewGuid(), "华宁", "340822", Now);
        var edit = () => need.Edit("加氢催化剂", "选择性不足", "04", ["催化剂"], CooperationModes.Commissioned, new Contact("张工", "13805561234"), "≥95%", 50, 200,
            Today.AddMonths(6), Today);
        edit();
        need.Status.Should().Be(ListingStatus.Pending);
        need.Invoking(n => n.Review(false, " ", Now)).Should().Throw<DomainException>("a return needs a reason");
        need.Review(false, "请补充技术指标", Now);
        need.Status.Should().Be(ListingStatus.Rejected);
        edit();
        need.Status.Should().Be(ListingStatus.Pending, "an edit after a return goes back to review");
        need.Review(true, null, Now);
        need.IsPublic.Should().BeTrue();
        edit.Should().Throw<DomainException>().WithMessage("*先撤回*");
        need.Withdraw();
        need.Resubmit();
        need.Status.Should().Be(ListingStatus.Pending);
        need.Close();
        need.Invoking(n => n.Close()).Should().Throw<DomainException>();
    }

    [Fact]
    public void Budgets_deadlines_maturity_and_ip_numbers_are_checked()
    {
        var need = TechNeed.Post(Guid.NewGuid(), "华宁", "340822", Now);
        need.Invoking(n => n.Edit("t", "s", "04", ["k"], CooperationModes.Commissioned, new Contact("张工", "13805561234"), "", 300, 200, Today.AddMonths(1), Today))
            .Should().Throw<DomainException>().Which.Field.Should().Be("BudgetMax");
        need.Invoking(n => n.Edit("t", "s", "04", ["k"], CooperationModes.Commissioned, new Contact("张工", "13805561234"), "", null, null, Today, Today))
            .Should().Throw<DomainException>().Which.Field.Should().Be("Deadline");
        var result = TechResult.Post(Guid.NewGuid(), "北化工", "340871", Now);
        result.Invoking(r => r.Edit("t", "s", "04", ["k"], CooperationModes.Transfer, new Contact("李工", "13905561234"), 10, IpKind.Other, "", "", null, ""))
            .Should().Throw<DomainException>().Which.Field.Should().Be("Maturity");
        result.Invoking(r => r.Edit("t", "s", "04", ["k"], CooperationModes.Transfer, new Contact("李工", "13905561234"), 5, IpKind.InventionPatent, " ", "", null, ""))
            .Should().Throw<DomainException>().Which.Field.Should().Be("IpNumber");
        MarketListing.ParseKeywords("催化剂，加氢、新材料 催化剂").Should().Equal("催化剂", "加氢", "新材料");
        new Action(() => MarketListing.ParseKeywords(" ")).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_docking_request_goes_from_one_owner_to_the_other_and_only_an_accepted_one_opens_the_thread_and_a_contract()
    {
        var (enterprise, university, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var need = PublishedNeed(enterprise);
        var result = PublishedResult(university);
        new Action(() => DockingRequest.Open(need, result, stranger, "想合作", Now)).Should().Throw<DomainException>();
        var request = DockingRequest.Open(need, result, university, "我院成果可满足贵公司需求", Now);
        request.ToOrganizationId.Should().Be(enterprise);
        request.Invoking(r => r.Post(university, "北化工", "你好", Now)).Should().Throw<DomainException>("not accepted yet");
        request.Invoking(r => r.LinkContract(Guid.NewGuid())).Should().Throw<DomainException>();
        request.Invoking(r => r.Decide(university, true, null, Now)).Should().Throw<DomainException>("the sender does not answer its own request");
        request.Decide(enterprise, true, "欢迎来厂交流", Now);
        request.Invoking(r => r.Decide(enterprise, false, null, Now)).Should().Throw<DomainException>();
        request.Post(university, "北化工", "下周三到厂", Now);
        request.Thread.Should().ContainSingle();
        request.LinkContract(Guid.NewGuid());
        request.ContractId.Should().NotBeNull();

        var unpublished = TechNeed.Post(enterprise, "华宁", "340822", Now);
        new Action(() => DockingRequest.Open(unpublished, result, university, "x", Now)).Should().Throw<DomainException>().WithMessage("*已发布*");
    }

    [Fact]
    public void Commissioners_have_yearly_targets_and_logs_and_events_take_only_public_listings()
    {
        Commissioner.YearTarget(CommissionerKind.DualChain).Should().Be(30);
        Commissioner.YearTarget(CommissionerKind.IndustrialInternet).Should().Be(10);
        var c = Commissioner.Register(Guid.NewGuid(), "340822", CommissionerKind.DualChain, "周专员", "怀宁县科技局", "怀宁县新材料产业链", 2026, Now);
        c.Assign("安庆华宁新材料科技有限公司", "91340822MA2N00501X", Today);
        c.Invoking(x => x.Assign("安庆华宁新材料科技有限公司", "", Today)).Should().Throw<DomainException>();
        c.Invoking(x => x.Log(Today.AddDays(1), ServiceKind.Visit, "华宁", "走访", Today, Now)).Should().Throw<DomainException>();
        c.Log(Today, ServiceKind.NeedFound, "华宁", "发现加氢催化剂需求", Today, Now);
        c.Logs.Should().ContainSingle();

        var e = DockingEvent.Plan(Guid.NewGuid(), "市科技局", "340800", "新材料产业对接会", Today.AddDays(7), "安庆市科技大厦", Now);
        e.Invoking(x => x.Include([TechNeed.Post(Guid.NewGuid(), "x", "340822", Now)])).Should().Throw<DomainException>();
        e.Include([PublishedNeed(Guid.NewGuid()), PublishedResult(Guid.NewGuid())]);
        e.NeedIds.Should().ContainSingle();
        e.ResultIds.Should().ContainSingle();
        e.Invoking(x => x.RecordOutcome("签约3项", 500, Today)).Should().Throw<DomainException>("before the event");
        e.RecordOutcome("签约3项", 500, Today.AddDays(7));
    }
    [Fact]
    public void A_brokered_docking_is_accepted_once_both_sides_accept_and_one_refusal_declines_it()
    {
        var (enterprise, university, county) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var need = PublishedNeed(enterprise);
        var result = PublishedResult(university);
        new Action(() => DockingRequest.Broker(need, result, enterprise, "企业", null, null, "撮合", Now)).Should().Throw<DomainException>().WithMessage("*一方*");
        new Action(() => DockingRequest.Broker(need, result, county, "怀宁县科技局", null, null, " ", Now)).Should().Throw<DomainException>();

        var request = DockingRequest.Broker(need, result, county, "怀宁县科技局", Guid.NewGuid(), "王专员", "双方领域和合作方式相符", Now);
        request.IsBrokered.Should().BeTrue();
        request.BrokerCommissionerName.Should().Be("王专员");
        request.AwaitsAnswerFrom(enterprise).Should().BeTrue();
        request.AwaitsAnswerFrom(university).Should().BeTrue();
        request.AwaitsAnswerFrom(county).Should().BeFalse("the broker does not answer its own proposal");
        request.Invoking(r => r.Decide(county, true, null, Now)).Should().Throw<DomainException>();

        request.Decide(enterprise, true, "同意", Now);
        request.Status.Should().Be(DockingStatus.Pending, "the other side has not accepted yet");
        request.AwaitsAnswerFrom(enterprise).Should().BeFalse();
        request.Invoking(r => r.Decide(enterprise, true, null, Now)).Should().Throw<DomainException>().WithMessage("*等待对方*");
        request.Decide(university, true, null, Now.AddHours(1));
        request.Status.Should().Be(DockingStatus.Accepted);
        request.DecidedAt.Should().Be(Now.AddHours(1));
        request.Post(county, "怀宁县科技局", "请双方下周到园区洽谈", Now.AddHours(2));

        var declined = DockingRequest.Broker(need, result, county, "怀宁县科技局", null, null, "再撮合一次", Now);
        declined.Decide(university, false, "暂无合作计划", Now);
        declined.Status.Should().Be(DockingStatus.Declined);
        declined.AwaitsAnswerFrom(enterprise).Should().BeFalse();
    }

    [Fact]
    public void A_need_is_solved_once_and_then_neither_edited_nor_closed()
    {
        var need = PublishedNeed(Guid.NewGuid());
        need.MarkSolved(Now);
        need.Status.Should().Be(ListingStatus.Solved);
        need.SolvedAt.Should().Be(Now);
        need.MarkSolved(Now.AddDays(1));
        need.SolvedAt.Should().Be(Now, "solving again changes nothing");
        need.Invoking(n => n.Close()).Should().Throw<DomainException>().WithMessage("*已解决*");
        MatchNames.Name(ListingStatus.Solved).Should().Be("已解决");
    }
}

public class CommissionerTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, int> Even() =>
        AnqingTechTransfer.Domain.Regions.AnqingRegions.All.ToDictionary(r => r.Code, r => r.Code == AnqingTechTransfer.Domain.Regions.AnqingRegions.City ? 6 : 2);

    [Fact]
    public void A_split_names_every_region_once_and_adds_up_to_the_citys_number()
    {
        var rows = CommissionerTarget.Split(2026, CommissionerKind.DualChain, Even(), Guid.NewGuid(), Now);
        rows.Should().HaveCount(13);
        rows.Sum(r => r.Target).Should().Be(30);

        var short1 = Even();
        short1["340822"] = 1;
        FluentActions.Invoking(() => CommissionerTarget.Split(2026, CommissionerKind.DualChain, short1, Guid.NewGuid(), Now))
            .Should().Throw<DomainException>().WithMessage("各地分解之和应等于全市年度目标30名，目前为29名").Which.Field.Should().Be("DualChain");

        var missing = Even();
        missing.Remove("3408GX");
        FluentActions.Invoking(() => CommissionerTarget.Split(2026, CommissionerKind.DualChain, missing, Guid.NewGuid(), Now)).Should().Throw<DomainException>();
        var foreign = Even();
        foreign["110101"] = 0;
        FluentActions.Invoking(() => CommissionerTarget.Split(2026, CommissionerKind.DualChain, foreign, Guid.NewGuid(), Now)).Should().Throw<DomainException>();
        var negative = Even();
        negative["340822"] = -1;
        negative["340800"] = 9;
        FluentActions.Invoking(() => CommissionerTarget.Split(2026, CommissionerKind.DualChain, negative, Guid.NewGuid(), Now)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => CommissionerTarget.Split(2026, CommissionerKind.Special, Even(), Guid.NewGuid(), Now))
            .Should().Throw<DomainException>("科技特派员 have no yearly number to split");
        CommissionerTarget.SplitKinds.Should().Equal(CommissionerKind.DualChain, CommissionerKind.IndustrialInternet);
    }
}
