using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>变更登记 (issue 22): a request with new terms and a reason, one open at a time, approved (terms applied, history before → after) or rejected.</summary>
public class ContractChangeTests
{
    private static readonly DateTimeOffset Registered = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 5, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly ContractActor Filer = new(Guid.NewGuid(), "ent.a");
    private static readonly ContractActor Registrar = new(Guid.NewGuid(), "registrar.city");
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.China2025To2026);

    private static TechContract RegisteredContract()
    {
        var contract = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Registered, Filer, TechContractWorkflowTests.Complete());
        contract.Submit(Registered, Filer, TechContractWorkflowTests.AllEvidence);
        contract.Accept(Registered, new DateOnly(2026, 3, 2), Registrar, Calendar, false, 15, 30);
        contract.StartReview(Registered, Registrar);
        contract.Approve(Registered, Registrar, null);
        contract.Register(Registered, Registrar, "2026340800010003", "ABCDEFGH", null);
        return contract;
    }

    private static ContractTerms Changed() => TechContractWorkflowTests.Complete(180m) with
    {
        Deductions = [new Deduction("检测设备", 30m)],
        ValidTo = new DateOnly(2027, 8, 31),
        Buyer = new ContractParty("潜山舒源生物医药有限公司", Organizations.CreditCode.Complete("91340882MA2N00502"), "142", "340882", "150"),
    };

    [Fact]
    public void Only_a_registered_contract_of_this_platform_can_be_changed()
    {
        var submitted = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Registered, Filer, TechContractWorkflowTests.Complete());
        submitted.Submit(Registered, Filer, TechContractWorkflowTests.AllEvidence);
        var early = () => ContractChangeRequest.File(submitted, Changed(), "增加开发内容", false, Later, Filer);
        early.Should().Throw<DomainException>().WithMessage("*已登记*");

        var imported = TechContract.Imported(Guid.NewGuid(), Guid.NewGuid(), Registered, Filer, TechContractWorkflowTests.Complete(), "2026340100010001", Registered);
        var foreign = () => ContractChangeRequest.File(imported, Changed(), "增加开发内容", false, Later, Filer);
        foreign.Should().Throw<DomainException>();

        var cancelled = RegisteredContract();
        cancelled.Cancel(Later, Registrar, "合同解除");
        var afterCancel = () => ContractChangeRequest.File(cancelled, Changed(), "增加开发内容", false, Later, Filer);
        afterCancel.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_request_needs_a_reason_a_real_change_and_no_other_open_request()
    {
        var contract = RegisteredContract();
        var noReason = () => ContractChangeRequest.File(contract, Changed(), " ", false, Later, Filer);
        noReason.Should().Throw<DomainException>().Which.Field.Should().Be("ChangeReason");
        var same = () => ContractChangeRequest.File(contract, TechContractWorkflowTests.Complete(), "无变化", false, Later, Filer);
        same.Should().Throw<DomainException>().WithMessage("*相同*");
        var second = () => ContractChangeRequest.File(contract, Changed(), "增加开发内容", true, Later, Filer);
        second.Should().Throw<DomainException>().WithMessage("*待审核的变更申请*");
        var wrongAmounts = () => ContractChangeRequest.File(contract, Changed() with { Deductions = [new Deduction("设备", 500m)] }, "x", false, Later, Filer);
        wrongAmounts.Should().Throw<DomainException>().Which.Field.Should().Be("Deductions");

        var request = ContractChangeRequest.File(contract, Changed(), "增加开发内容", false, Later, Filer);
        request.Status.Should().Be(ChangeRequestStatus.Pending);
        contract.ContractAmount.Should().Be(120m, "filing a request changes no terms");
        contract.Events.Last().Action.Should().Be("申请变更登记");
    }

    [Fact]
    public void Approval_applies_the_terms_from_that_moment_and_the_history_shows_each_field_before_and_after()
    {
        var contract = RegisteredContract();
        var request = ContractChangeRequest.File(contract, Changed(), "增加开发内容", false, Later, Filer);
        request.Changes(contract).Select(c => c.Field).Should().BeEquivalentTo(["买方", "有效期", "成交额", "非技术性扣除", "技术交易额"]);

        request.Approve(contract, Later, Registrar);

        request.Status.Should().Be(ChangeRequestStatus.Approved);
        contract.Status.Should().Be(ContractStatus.Registered);
        contract.ContractAmount.Should().Be(180m);
        contract.TechAmount.Should().Be(150m);
        contract.ValidTo.Should().Be(new DateOnly(2027, 8, 31));
        contract.Buyer.RegionCode.Should().Be("340882");
        contract.FiguresFrom.Should().Be(Later, "the change moves the figures in the month it is registered");
        contract.RegisteredAt.Should().Be(Registered, "the registration itself stands");
        var change = contract.Events.Last();
        change.Action.Should().Be("变更登记");
        change.UserName.Should().Be("registrar.city");
        change.Remark.Should().Contain("成交额：120 万元 → 180 万元").And.Contain("技术交易额：100 万元 → 150 万元")
            .And.Contain("有效期：2026-03-01 至 2027-02-28 → 2026-03-01 至 2027-08-31").And.Contain("买方：").And.Contain("理由：增加开发内容");

        var twice = () => request.Approve(contract, Later, Registrar);
        twice.Should().Throw<DomainException>().WithMessage("*已处理*");
    }

    [Fact]
    public void Rejection_needs_a_reason_and_keeps_the_terms()
    {
        var contract = RegisteredContract();
        var request = ContractChangeRequest.File(contract, Changed(), "增加开发内容", false, Later, Filer);
        var noReason = () => request.Reject(contract, Later, Registrar, "");
        noReason.Should().Throw<DomainException>().Which.Field.Should().Be("Remark");

        request.Reject(contract, Later, Registrar, "未附补充协议");

        request.Status.Should().Be(ChangeRequestStatus.Rejected);
        request.DecisionRemark.Should().Be("未附补充协议");
        contract.ContractAmount.Should().Be(120m);
        contract.FiguresFrom.Should().Be(Registered);
        contract.Events.Last().Action.Should().Be("驳回变更申请");
        contract.Events.Last().Remark.Should().Be("未附补充协议");
    }
}
