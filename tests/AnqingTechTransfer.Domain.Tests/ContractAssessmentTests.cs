using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 22 §2 and §4: the registrar's 认定 of the technical amount and the income, the required evidence, and credit-code warnings.</summary>
public class ContractAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly ContractActor Filer = new(Guid.NewGuid(), "ent.a");
    private static readonly ContractActor Registrar = new(Guid.NewGuid(), "registrar.city");
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.China2025To2026);

    private static TechContract UnderReview(ContractTerms? terms = null)
    {
        var contract = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, terms ?? TechContractWorkflowTests.Complete(300m));
        contract.Submit(Now, Filer, TechContractWorkflowTests.AllEvidence);
        contract.Accept(Now, Today, Registrar, Calendar, false, 15, 30);
        contract.StartReview(Now, Registrar);
        return contract;
    }

    [Fact]
    public void The_registrar_corrects_a_deduction_and_adds_one_and_the_assessed_figure_replaces_the_declared_one()
    {
        var contract = UnderReview(); // 300 万元 less 检测设备 20 = 280 declared
        contract.DeclaredTechAmount.Should().Be(280m);
        contract.AssessTechAmount(Now, Registrar,
        [
            new AssessedDeduction("检测设备", 20m, 35m, "发票显示设备价款35万元"),
            new AssessedDeduction("原材料", null, 15m, "合同附件列明原材料采购"),
        ]);
        contract.TechAmount.Should().Be(250m);
        contract.DeclaredTechAmount.Should().Be(280m);
        contract.Deductions.Should().ContainSingle().Which.Amount.Should().Be(20m, "the filer's declaration is kept");
        contract.IsTechAmountAssessed.Should().BeTrue();
        var history = contract.Events.Last();
        history.Action.Should().Be("核定技术交易额");
        history.Remark.Should().Contain("申报技术交易额 280 万元 → 核定 250 万元").And.Contain("“检测设备”20 → 35 万元（发票显示设备价款35万元）")
            .And.Contain("新增扣除“原材料”15 万元");
    }

    [Fact]
    public void A_correction_or_an_addition_without_a_reason_is_refused_next_to_its_row()
    {
        var contract = UnderReview();
        var noReason = () => contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 20m, 30m, " ")]);
        noReason.Should().Throw<DomainException>().Which.Field.Should().Be("Items[0].Reason");
        var added = () => contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 20m, 20m, null), new AssessedDeduction("材料", null, 5m, null)]);
        added.Should().Throw<DomainException>().Which.Field.Should().Be("Items[1].Reason");
        contract.TechAmount.Should().Be(280m, "nothing was assessed");
    }

    [Fact]
    public void Deductions_above_the_contract_amount_and_a_dropped_declared_item_are_refused()
    {
        var contract = UnderReview();
        var tooMuch = () => contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 20m, 301m, "全部为设备款")]);
        tooMuch.Should().Throw<DomainException>().WithMessage("*不能超过成交额*");
        var dropped = () => contract.AssessTechAmount(Now, Registrar, []);
        dropped.Should().Throw<DomainException>().WithMessage("*申报的扣除项已变化*");
    }

    [Fact]
    public void The_assessment_is_taken_only_during_review()
    {
        var draft = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, TechContractWorkflowTests.Complete(300m));
        var act = () => draft.AssessTechAmount(Now, Registrar, DeductionAssessment.AsDeclared(draft.Deductions));
        act.Should().Throw<DomainException>().WithMessage("*审核中*");
    }

    [Fact]
    public void Approving_without_an_assessment_assesses_as_declared_and_says_so()
    {
        var contract = UnderReview();
        contract.Approve(Now, Registrar, null).Should().BeTrue();
        contract.IsTechAmountAssessed.Should().BeTrue();
        contract.TechAmount.Should().Be(280m);
        contract.Events.Should().Contain(e => e.Action == "核定技术交易额" && e.Remark!.Contains("按申报核定"));
    }

    [Fact]
    public void An_assessment_that_reaches_five_million_sends_the_contract_to_the_second_review()
    {
        var contract = UnderReview(TechContractWorkflowTests.Complete(520m) with { Deductions = [new("检测设备", 40m)] });
        contract.IsLarge.Should().BeFalse();
        contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 40m, 10m, "其中30万元为配套技术服务，属技术性收入")]);
        contract.IsLarge.Should().BeTrue();
        contract.Approve(Now, Registrar, null).Should().BeFalse();
        contract.Status.Should().Be(ContractStatus.SecondReview);
    }

    [Fact]
    public void New_terms_after_a_correction_are_assessed_afresh()
    {
        var contract = UnderReview();
        contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 20m, 30m, "按发票")]);
        contract.ReturnForCorrection(Now, Registrar, "请补充发票");
        contract.Edit(TechContractWorkflowTests.Complete(300m), contract.RegistrationPointId, Now);
        contract.IsTechAmountAssessed.Should().BeFalse();
        contract.TechAmount.Should().Be(280m);
    }

    [Fact]
    public void Income_is_declared_with_proof_and_assessed_with_a_reason_when_it_differs()
    {
        var contract = UnderReview();
        contract.Approve(Now, Registrar, null);
        contract.Register(Now, Registrar, "2026340800010001", "ABCDEFGH", null);
        var noProof = () => contract.DeclareIncome(Now, Filer, 200m, hasProof: false);
        noProof.Should().Throw<DomainException>().Which.Field.Should().Be("Files");
        contract.DeclareIncome(Now, Filer, 200m, hasProof: true);
        var noReason = () => contract.AssessIncome(Now, Registrar, 180m, null);
        noReason.Should().Throw<DomainException>().Which.Field.Should().Be("Remark");
        contract.AssessIncome(Now, Registrar, 180m, "其中20万元为设备款");
        contract.IncomeAssessed.Should().Be(180m);
        contract.IncomeDeclared.Should().Be(200m);
        contract.Events.Last().Action.Should().Be("核定技术性收入 申报 200 → 核定 180 万元");
        var twice = () => contract.AssessIncome(Now, Registrar, null, null);
        twice.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(TechContractType.Development, false, new[] { EvidenceKind.ContractText })]
    [InlineData(TechContractType.Consulting, false, new[] { EvidenceKind.ContractText })]
    [InlineData(TechContractType.Transfer, false, new[] { EvidenceKind.ContractText, EvidenceKind.RightsProof })]
    [InlineData(TechContractType.Licence, false, new[] { EvidenceKind.ContractText, EvidenceKind.RightsProof })]
    [InlineData(TechContractType.Licence, true, new[] { EvidenceKind.ContractText, EvidenceKind.RightsProof, EvidenceKind.ImportLicence })]
    public void The_required_evidence_follows_the_type(TechContractType type, bool import, EvidenceKind[] required) =>
        ContractEvidence.Required(TechContractWorkflowTests.Complete(type: type) with { IsTechnologyImport = import }).Should().Equal(required);

    [Fact]
    public void A_transfer_without_proof_of_rights_cannot_be_submitted_and_each_missing_file_is_named()
    {
        var transfer = TechContract.Draft(Guid.NewGuid(), Guid.NewGuid(), Now, Filer, TechContractWorkflowTests.Complete(type: TechContractType.Transfer));
        var none = () => transfer.Submit(Now, Filer, []);
        none.Should().Throw<DomainException>().WithMessage("请上传：合同文本（含附件）；权属证明*").Which.Field.Should().Be("Files");
        var textOnly = () => transfer.Submit(Now, Filer, [EvidenceKind.ContractText]);
        textOnly.Should().Throw<DomainException>().Which.Message.Should().NotContain("合同文本").And.Contain("权属证明");
        transfer.Submit(Now, Filer, [EvidenceKind.ContractText, EvidenceKind.RightsProof]);
        transfer.Status.Should().Be(ContractStatus.Submitted);
    }

    [Fact]
    public void A_credit_code_with_a_wrong_check_character_is_a_warning_that_the_registrar_must_confirm()
    {
        var buyer = TechContractWorkflowTests.Complete().Buyer;
        var wrong = buyer.CreditCode[..17] + (buyer.CreditCode[17] == '0' ? '1' : '0');
        var terms = TechContractWorkflowTests.Complete() with { Buyer = buyer with { CreditCode = wrong } };
        terms.Problems().Should().BeEmpty("a wrong check character is allowed (early pilot codes do this)");
        ContractTermWarnings.CreditCodes(terms).Should().ContainSingle().Which.Field.Should().Be("BuyerCreditCode");
        var contract = UnderReview(terms);
        var unconfirmed = () => contract.Approve(Now, Registrar, null);
        unconfirmed.Should().Throw<DomainException>().Which.Field.Should().Be("CreditCodesChecked");
        contract.Approve(Now, Registrar, null, creditCodesChecked: true).Should().BeTrue();
        contract.Register(Now, Registrar, "2026340800010009", "ABCDEFGH", "符合条件", creditCodesChecked: true);
        contract.Events.Last().Remark.Should().StartWith("登记员已核对：买方统一社会信用代码").And.EndWith("符合条件");
    }

    [Fact]
    public void A_change_starts_from_the_assessed_deductions_and_never_silently_undoes_the_assessment()
    {
        var contract = UnderReview();
        contract.AssessTechAmount(Now, Registrar, [new AssessedDeduction("检测设备", 20m, 35m, "按发票")]);
        contract.Approve(Now, Registrar, null);
        contract.Register(Now, Registrar, "2026340800010007", "ABCDEFGH", null);
        contract.RegisteredTerms.Deductions.Should().ContainSingle().Which.Amount.Should().Be(35m);

        var more = contract.RegisteredTerms with { ContractAmount = 320m };
        var request = ContractChangeRequest.File(contract, more, "补充协议增加价款", false, Now.AddDays(30), Filer);
        request.Changes(contract).Should().Contain(c => c.Field == "技术交易额" && c.Before.Contains("265") && c.After.Contains("285"),
            "before is the assessed 265 (300 − 35), not the declared 280");
        request.Approve(contract, Now.AddDays(31), Registrar);
        contract.TechAmount.Should().Be(285m);
        contract.IsTechAmountAssessed.Should().BeTrue("the registrar who approved the change approved its deductions");
    }
}
