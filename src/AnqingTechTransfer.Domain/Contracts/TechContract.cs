namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>Who acts on a contract, for its history.</summary>
public sealed record ContractActor(Guid UserId, string UserName);

/// <summary>
/// A technology contract filed for 认定登记. The seller side files (the domestic buyer for a technology import) at a
/// registration point of its choice; the point's registrars accept, review and register or refuse it.
/// </summary>
public class TechContract
{
    private readonly List<ContractEvent> _events = [];
    private List<Deduction> _deductions = [];
    private List<AssessedDeduction>? _assessedDeductions;

    private TechContract()
    {
    }

    public Guid Id { get; private set; }
    public ContractStatus Status { get; private set; }
    public uint Version { get; private set; }

    public Guid RegistrationPointId { get; private set; }
    /// <summary>The organization that files: the seller, or the domestic buyer of a technology import.</summary>
    public Guid FilerOrganizationId { get; private set; }
    public Guid? SellerOrganizationId { get; private set; }
    public Guid? BuyerOrganizationId { get; private set; }
    public Guid? BrokerOrganizationId { get; private set; }
    /// <summary>Portal region (county or park) of the seller, for 输出; null when outside Anqing.</summary>
    public string? SellerRegionCode { get; private set; }
    /// <summary>Portal region (county or park) of the buyer, for 吸纳; null when outside Anqing.</summary>
    public string? BuyerRegionCode { get; private set; }

    public string ProjectName { get; private set; } = string.Empty;
    public TechContractType Type { get; private set; }
    public TechContractSubType? SubType { get; private set; }
    public LicenceScope? LicenceScope { get; private set; }
    public bool IsTechnologyImport { get; private set; }
    public ContractParty Seller { get; private set; } = null!;
    public ContractParty Buyer { get; private set; } = null!;
    public string TechnicalFieldCode { get; private set; } = string.Empty;
    public string IpTypeCode { get; private set; } = string.Empty;
    public string PlanSourceCode { get; private set; } = string.Empty;
    public string SocioEconomicGoalCode { get; private set; } = string.Empty;
    public DateOnly SignedOn { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidTo { get; private set; }
    /// <summary>成交额, 万元.</summary>
    public decimal ContractAmount { get; private set; }
    /// <summary>
    /// 技术交易额, 万元: the registrar's assessed figure once assessed (成交额 less the assessed deductions), until then the
    /// filer's. The certificate and every statistic use this one.
    /// </summary>
    public decimal TechAmount { get; private set; }
    /// <summary>技术交易额 as the filer declared it (成交额 less the filer's deductions); kept beside the assessed one.</summary>
    public decimal DeclaredTechAmount { get; private set; }
    public IReadOnlyList<Deduction> Deductions => _deductions;
    /// <summary>The registrar's 认定 of the deductions; null until assessed.</summary>
    public IReadOnlyList<AssessedDeduction>? AssessedDeductions => _assessedDeductions;
    public bool IsTechAmountAssessed => _assessedDeductions is not null;
    public PaymentMode PaymentMode { get; private set; }
    public string? BrokerName { get; private set; }
    public decimal? ExpectedInvestment { get; private set; }
    public decimal? ExpectedOutput { get; private set; }
    /// <summary>The form's footer: 负责人, 填报人 and 填报日期 (never after the day it is saved or submitted).</summary>
    public string ResponsiblePerson { get; private set; } = string.Empty;
    public string FilledBy { get; private set; } = string.Empty;
    public DateOnly? FilledOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public bool IsDisputed { get; private set; }
    public Guid? FirstReviewerUserId { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    /// <summary>
    /// Since when the contract's current figures count (issue 22): the registration, then each approved 变更登记 or the 注销登记.
    /// The month summaries put the difference a change makes in the month of this moment; earlier months keep their figures.
    /// </summary>
    public DateTimeOffset? FiguresFrom { get; private set; }
    public string? RegistrationNumber { get; private set; }
    public string? VerificationCode { get; private set; }
    public RefusalReason? RefusalReason { get; private set; }
    public string? LastRemark { get; private set; }
    /// <summary>技术性收入核定: what the seller declared received, what a registrar assessed, when, and why it differs.</summary>
    public decimal? IncomeDeclared { get; private set; }
    public decimal? IncomeAssessed { get; private set; }
    public DateTimeOffset? IncomeConfirmedAt { get; private set; }
    public string? IncomeRemark { get; private set; }
    /// <summary>Registered elsewhere and imported from the provincial export (counts for 吸纳 only).</summary>
    public bool IsImported { get; private set; }

    public IReadOnlyList<ContractEvent> Events => _events;

    public bool IsLarge => ContractAmounts.IsLarge(TechAmount);

    public static TechContract Draft(Guid pointId, Guid filerOrganizationId, DateTimeOffset now, ContractActor actor, ContractTerms terms)
    {
        var contract = new TechContract
        {
            Id = Guid.CreateVersion7(now),
            Status = ContractStatus.Draft,
            RegistrationPointId = pointId,
            FilerOrganizationId = filerOrganizationId,
            CreatedAt = now,
        };
        contract.Apply(terms, BeijingDate(now));
        contract.Record(now, actor, "保存草稿", ContractStatus.Draft, null);
        return contract;
    }

    /// <summary>A contract registered elsewhere (provincial export), kept for the 吸纳 statistics.</summary>
    public static TechContract Imported(Guid pointId, Guid importerOrganizationId, DateTimeOffset now, ContractActor actor, ContractTerms terms,
        string registrationNumber, DateTimeOffset registeredAt)
    {
        var contract = Draft(pointId, importerOrganizationId, now, actor, terms);
        contract.IsImported = true;
        contract.RegistrationNumber = registrationNumber;
        contract.RegisteredAt = registeredAt;
        contract.FiguresFrom = registeredAt;
        contract.Move(now, actor, "导入（外地登记）", ContractStatus.Registered, null);
        return contract;
    }

    /// <summary>
    /// A corrected row of the provincial export for a contract imported earlier: the fields it changes are replaced and the
    /// history names each change (before → after). Returns the changes; none for an identical row (nothing recorded).
    /// </summary>
    public IReadOnlyList<string> CorrectImported(ImportedRecord record, DateTimeOffset now, ContractActor actor)
    {
        Require(IsImported && Status == ContractStatus.Registered, "只有从省系统导入的外地登记合同可以按导入文件更正");
        Require(record.ContractAmount > 0 && record.TechAmount >= 0 && record.TechAmount <= record.ContractAmount, "技术交易额应在0与成交额之间");
        Require(!string.IsNullOrWhiteSpace(record.ProjectName) && record.ProjectName.Trim().Length <= 200, "项目名称应为1至200个字");
        var changes = record.ChangesFrom(this);
        if (changes.Count == 0)
        {
            return changes;
        }

        ProjectName = record.ProjectName.Trim();
        Type = record.Type;
        Seller = record.Seller;
        Buyer = record.Buyer;
        SellerRegionCode = record.SellerRegionCode;
        BuyerRegionCode = record.BuyerRegionCode;
        TechnicalFieldCode = record.TechnicalFieldCode;
        ContractAmount = record.ContractAmount;
        TechAmount = record.TechAmount;
        SignedOn = record.SignedOn;
        ValidFrom = record.SignedOn;
        ValidTo = record.SignedOn;
        RegisteredAt = record.RegisteredAt;
        BrokerName = record.BrokerName;
        BrokerOrganizationId = record.BrokerOrganizationId;
        var remark = string.Join("；", changes);
        Record(now, actor, "导入更正（省系统数据变更）", Status, remark.Length <= 1000 ? remark : remark[..999] + "…");
        return changes;
    }

    /// <summary>Edits by the filer, while the contract is a draft or returned for correction.</summary>
    public void Edit(ContractTerms terms, Guid pointId, DateTimeOffset now)
    {
        Require(Status is ContractStatus.Draft or ContractStatus.Returned, "只有草稿或退回补正的合同可以修改");
        RegistrationPointId = pointId;
        Apply(terms, BeijingDate(now));
    }

    /// <summary>Submits for 认定; the files attached (by kind) must include every piece of evidence the contract's type requires.</summary>
    public void Submit(DateTimeOffset now, ContractActor actor, IReadOnlyCollection<EvidenceKind> evidence)
    {
        Require(Status is ContractStatus.Draft or ContractStatus.Returned, "只有草稿或退回补正的合同可以提交");
        var missing = Terms.MissingForSubmission();
        Require(missing.Count == 0, "提交前请补全：" + string.Join("、", missing));
        var missingFiles = ContractEvidence.Missing(Terms, evidence);
        Require(missingFiles.Count == 0, ContractEvidence.MissingMessage(missingFiles), "Files");
        Require(FilledOn <= BeijingDate(now), "填报日期不能晚于今天", nameof(FilledOn));
        SubmittedAt = now;
        Move(now, actor, Status == ContractStatus.Returned ? "补正后重新提交" : "提交", ContractStatus.Submitted, null);
    }

    public void Accept(DateTimeOffset now, DateOnly today, ContractActor actor, WorkingDayCalendar calendar, bool disputed, int normalDays, int longDays)
    {
        Require(Status == ContractStatus.Submitted, "只能受理已提交的合同");
        IsDisputed = disputed;
        AcceptedOn = today; // a correction resets it: the clock starts again from this acceptance
        DueOn = calendar.AddWorkingDays(today, IsLarge || disputed ? longDays : normalDays);
        Move(now, actor, "受理", ContractStatus.Accepted, disputed ? "有争议，适用较长时限" : null);
    }

    public void ReturnForCorrection(DateTimeOffset now, ContractActor actor, string remark)
    {
        Require(Status is ContractStatus.Submitted or ContractStatus.Accepted or ContractStatus.UnderReview, "当前状态不能退回补正");
        Move(now, actor, "退回补正", ContractStatus.Returned, RequireRemark(remark, "请填写需要补正的内容"));
        AcceptedOn = null;
        DueOn = null;
    }

    public void StartReview(DateTimeOffset now, ContractActor actor)
    {
        Require(Status == ContractStatus.Accepted, "只能对已受理的合同开始审核");
        Move(now, actor, "开始审核", ContractStatus.UnderReview, null);
    }

    /// <summary>
    /// 技术交易额核定 during review: each declared deduction accepted or corrected with a reason, deductions added with a
    /// reason. The assessed figure replaces the declared one in the certificate and the statistics; the history keeps both.
    /// </summary>
    public void AssessTechAmount(DateTimeOffset now, ContractActor actor, IReadOnlyList<AssessedDeduction> assessed)
    {
        Require(Status == ContractStatus.UnderReview, "只能在审核中核定技术交易额");
        var problems = DeductionAssessment.Problems(ContractAmount, _deductions, assessed);
        Require(problems.Count == 0, problems.Count == 0 ? string.Empty : problems[0].Message, problems.Count == 0 ? null : problems[0].Field);
        _assessedDeductions = assessed.Select(a => a with { Item = a.Item.Trim(), Reason = string.IsNullOrWhiteSpace(a.Reason) ? null : a.Reason.Trim() }).ToList();
        TechAmount = ContractAmount - _assessedDeductions.Sum(a => a.Amount);
        Record(now, actor, "核定技术交易额", Status, DeductionAssessment.Describe(DeclaredTechAmount, TechAmount, _assessedDeductions));
    }

    /// <summary>
    /// The reviewer agrees: a large contract (by the assessed 技术交易额) goes to a second review, any other is registered now.
    /// Not assessed yet means assessed as declared, and the history says so.
    /// </summary>
    public bool Approve(DateTimeOffset now, ContractActor actor, string? remark, bool creditCodesChecked = false)
    {
        Require(Status == ContractStatus.UnderReview, "只能对审核中的合同作出认定");
        if (_assessedDeductions is null)
        {
            AssessTechAmount(now, actor, DeductionAssessment.AsDeclared(_deductions));
        }

        RequireCreditCodesChecked(creditCodesChecked);
        FirstReviewerUserId = actor.UserId;
        if (IsLarge)
        {
            Move(now, actor, "初审通过，提交大额复核", ContractStatus.SecondReview, remark);
            return false;
        }

        return true;
    }

    /// <summary>The second review of a large contract: by another registrar or the bureau, never the first reviewer.</summary>
    public void ConfirmSecondReview(ContractActor actor)
    {
        Require(Status == ContractStatus.SecondReview, "该合同不在大额复核阶段");
        Require(actor.UserId != FirstReviewerUserId, "大额复核须由初审以外的登记员或市科技局进行");
    }

    public void Register(DateTimeOffset now, ContractActor actor, string registrationNumber, string verificationCode, string? remark, bool creditCodesChecked = false)
    {
        Require(Status is ContractStatus.UnderReview or ContractStatus.SecondReview, "当前状态不能登记");
        Require(!(Status == ContractStatus.UnderReview && IsLarge), "技术交易额达到500万元的合同须经大额复核");
        RequireCreditCodesChecked(creditCodesChecked);
        var warnings = ContractTermWarnings.CreditCodes(Terms);
        if (warnings.Count > 0)
        {
            remark = "登记员已核对：" + string.Join("；", warnings.Select(w => w.Message)) + (string.IsNullOrWhiteSpace(remark) ? string.Empty : "。" + remark.Trim());
        }

        RegistrationNumber = registrationNumber;
        VerificationCode = verificationCode;
        RegisteredAt = now;
        FiguresFrom = now;
        Move(now, actor, "予以登记", ContractStatus.Registered, remark);
    }

    public void Refuse(DateTimeOffset now, ContractActor actor, RefusalReason reason, string remark)
    {
        Require(Status is ContractStatus.UnderReview or ContractStatus.SecondReview, "只能对审核中的合同作出不予登记决定");
        Require(Enum.IsDefined(reason), "请选择不予登记的理由");
        RefusalReason = reason;
        Move(now, actor, "不予登记：" + reason.Name(), ContractStatus.Refused, reason == Contracts.RefusalReason.Other ? RequireRemark(remark, "选择“其他”时请说明理由") : remark);
    }

    /// <summary>变更登记 approved: the new terms replace the old ones from now on; the history keeps each changed field before → after.</summary>
    internal void ApplyChange(DateTimeOffset now, ContractActor actor, ContractTerms terms, string reason)
    {
        Require(Status == ContractStatus.Registered && !IsImported, "只有本平台已登记的合同可以办理变更登记");
        var before = RegisteredTerms;
        Apply(terms, BeijingDate(now));
        // The registrar who approves the change approves its deductions: the new terms stand assessed as filed.
        _assessedDeductions = DeductionAssessment.AsDeclared(_deductions).ToList();
        FiguresFrom = now;
        var lines = ContractChanges.Compare(before, Terms).Select(c => $"{c.Field}：{c.Before} → {c.After}");
        Move(now, actor, "变更登记", ContractStatus.Registered, Clip(string.Join("\n", lines) + "\n理由：" + reason));
    }

    /// <summary>A step of a change request that changes nothing yet (filed, rejected): it enters the history only.</summary>
    internal void Note(DateTimeOffset now, ContractActor actor, string action, string? remark) => Record(now, actor, action, Status, remark is null ? null : Clip(remark));

    /// <summary>注销登记: the registration lapses; the contract's figures leave the statistics from this moment's month on.</summary>
    public void Cancel(DateTimeOffset now, ContractActor actor, string reason)
    {
        Require(Status == ContractStatus.Registered && !IsImported, "只有本平台已登记的合同可以注销");
        FiguresFrom = now;
        Move(now, actor, "注销登记", ContractStatus.Cancelled, RequireRemark(reason, "请填写注销理由"));
    }

    /// <summary>The seller declares the technical income received after performance, with its supporting files.</summary>
    public void DeclareIncome(DateTimeOffset now, ContractActor actor, decimal received, bool hasProof)
    {
        Require(Status == ContractStatus.Registered && !IsImported, "只有已登记的合同可以申报技术性收入核定");
        Require(received > 0 && received <= ContractAmount && decimal.Round(received, 4) == received, "实际收到的金额应大于0、不超过成交额，最多保留4位小数", "Amount");
        Require(hasProof, "请上传" + EvidenceKind.IncomeProof.Label(), "Files");
        IncomeDeclared = received;
        IncomeAssessed = null;
        IncomeConfirmedAt = null;
        IncomeRemark = null;
        Record(now, actor, $"申报技术性收入 {received:0.####} 万元", Status, null);
    }

    /// <summary>技术性收入核定: the registrar confirms the declared figure or corrects it, with a reason when it differs.</summary>
    public void AssessIncome(DateTimeOffset now, ContractActor actor, decimal? assessed, string? reason)
    {
        Require(IncomeDeclared is not null && IncomeConfirmedAt is null, "没有待核定的技术性收入申报");
        var amount = assessed ?? IncomeDeclared!.Value;
        Require(amount > 0 && amount <= ContractAmount && decimal.Round(amount, 4) == amount, "核定金额应大于0、不超过成交额，最多保留4位小数", "Amount");
        var differs = amount != IncomeDeclared;
        Require(!differs || !string.IsNullOrWhiteSpace(reason), "核定金额与申报不同，请说明理由", "Remark");
        Require(reason is null || reason.Trim().Length <= DeductionAssessment.MaxReasonLength, $"理由不能超过{DeductionAssessment.MaxReasonLength}个字", "Remark");
        IncomeAssessed = amount;
        IncomeConfirmedAt = now;
        IncomeRemark = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Record(now, actor, differs ? $"核定技术性收入 申报 {IncomeDeclared:0.####} → 核定 {amount:0.####} 万元" : $"核定技术性收入 {amount:0.####} 万元（与申报一致）", Status, IncomeRemark);
    }

    /// <summary>
    /// The terms as registered: the deductions as the registrar assessed them (认定), else as filed. A 变更登记 starts from
    /// these and compares with these, so a change never silently undoes the registrar's assessment.
    /// </summary>
    public ContractTerms RegisteredTerms => _assessedDeductions is null ? Terms
        : Terms with { Deductions = _assessedDeductions.Select(a => new Deduction(a.Item, a.Amount)).ToList() };

    public ContractTerms Terms => new(ProjectName, Type, SubType, LicenceScope, IsTechnologyImport, Seller, Buyer, SellerOrganizationId, BuyerOrganizationId,
        SellerRegionCode, BuyerRegionCode, TechnicalFieldCode, IpTypeCode, PlanSourceCode, SocioEconomicGoalCode, SignedOn, ValidFrom, ValidTo,
        ContractAmount, _deductions, PaymentMode, BrokerOrganizationId, BrokerName, ExpectedInvestment, ExpectedOutput, ResponsiblePerson, FilledBy, FilledOn);

    /// <summary>The calendar day in Beijing at <paramref name="now"/>: what 填报日期 is compared with.</summary>
    public static DateOnly BeijingDate(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private void Apply(ContractTerms terms, DateOnly today)
    {
        var problems = terms.Problems(today);
        Require(problems.Count == 0, problems.Count == 0 ? string.Empty : problems[0].Message, problems.Count == 0 ? null : problems[0].Field);
        ProjectName = terms.ProjectName.Trim();
        Type = terms.Type;
        SubType = terms.SubType;
        LicenceScope = terms.Type == TechContractType.Licence ? terms.LicenceScope : null;
        IsTechnologyImport = terms.IsTechnologyImport;
        Seller = terms.Seller;
        Buyer = terms.Buyer;
        SellerOrganizationId = terms.SellerOrganizationId;
        BuyerOrganizationId = terms.BuyerOrganizationId;
        SellerRegionCode = terms.SellerRegionCode;
        BuyerRegionCode = terms.BuyerRegionCode;
        TechnicalFieldCode = terms.TechnicalFieldCode;
        IpTypeCode = terms.IpTypeCode;
        PlanSourceCode = terms.PlanSourceCode;
        SocioEconomicGoalCode = terms.SocioEconomicGoalCode;
        SignedOn = terms.SignedOn;
        ValidFrom = terms.ValidFrom;
        ValidTo = terms.ValidTo;
        ContractAmount = terms.ContractAmount;
        _deductions = terms.Deductions.ToList();
        DeclaredTechAmount = terms.ContractAmount > 0 ? ContractAmounts.TechAmount(terms.ContractAmount, terms.Deductions) : 0; // a draft may have no amount yet
        // New terms are assessed afresh: the filer's figure stands until a registrar assesses the new deductions.
        _assessedDeductions = null;
        TechAmount = DeclaredTechAmount;
        PaymentMode = terms.PaymentMode;
        BrokerOrganizationId = terms.BrokerOrganizationId;
        BrokerName = terms.BrokerName;
        ExpectedInvestment = terms.ExpectedInvestment;
        ExpectedOutput = terms.ExpectedOutput;
        ResponsiblePerson = terms.ResponsiblePerson.Trim();
        FilledBy = terms.FilledBy.Trim();
        FilledOn = terms.FilledOn;
    }

    private void Move(DateTimeOffset now, ContractActor actor, string action, ContractStatus to, string? remark)
    {
        var from = Status;
        Status = to;
        LastRemark = remark;
        Record(now, actor, action, from, remark, to);
    }

    private void Record(DateTimeOffset now, ContractActor actor, string action, ContractStatus from, string? remark, ContractStatus? to = null) =>
        _events.Add(new ContractEvent(Id, now, actor.UserId, actor.UserName, action, from, to ?? Status, remark));

    private void RequireCreditCodesChecked(bool creditCodesChecked)
    {
        var warnings = ContractTermWarnings.CreditCodes(Terms);
        Require(warnings.Count == 0 || creditCodesChecked, warnings.Count == 0 ? string.Empty : warnings[0].Message + "；核对无误后请勾选“已核对信用代码”再登记", "CreditCodesChecked");
    }

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..999] + "…";

    private static string RequireRemark(string? remark, string message)
    {
        Require(!string.IsNullOrWhiteSpace(remark), message, "Remark");
        return remark!.Trim();
    }

    private static void Require(bool condition, string message, string? field = null)
    {
        if (!condition)
        {
            throw new DomainException(message, field);
        }
    }
}
