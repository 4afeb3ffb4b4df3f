namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>
/// What the filer enters on the national registration form. A draft may be incomplete (MissingForSubmission lists
/// what is still needed); it may never hold a wrong value (Problems). The form's footer (负责人, 填报人, 填报日期) closes it:
/// required for submission, and the 填报日期 is never after today.
/// </summary>
public sealed record ContractTerms(
    string ProjectName,
    TechContractType Type,
    TechContractSubType? SubType,
    LicenceScope? LicenceScope,
    bool IsTechnologyImport,
    ContractParty Seller,
    ContractParty Buyer,
    Guid? SellerOrganizationId,
    Guid? BuyerOrganizationId,
    string? SellerRegionCode,
    string? BuyerRegionCode,
    string TechnicalFieldCode,
    string IpTypeCode,
    string PlanSourceCode,
    string SocioEconomicGoalCode,
    DateOnly SignedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    decimal ContractAmount,
    IReadOnlyList<Deduction> Deductions,
    PaymentMode PaymentMode,
    Guid? BrokerOrganizationId,
    string? BrokerName,
    decimal? ExpectedInvestment,
    decimal? ExpectedOutput,
    string ResponsiblePerson = "",
    string FilledBy = "",
    DateOnly? FilledOn = null)
{
    public const int PersonNameLength = 50;

    /// <summary>What is wrong in the terms; with <paramref name="today"/> (Beijing date) a 填报日期 after it is wrong too.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(DateOnly? today = null)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(ProjectName))
        {
            problems.Add((nameof(ProjectName), "请填写项目名称"));
        }
        else if (ProjectName.Trim().Length > 200)
        {
            problems.Add((nameof(ProjectName), "项目名称不能超过200个字"));
        }

        if (Type != 0 && !Enum.IsDefined(Type))
        {
            problems.Add((nameof(Type), "合同类别无效"));
        }

        if (SubType is { } sub && (!Enum.IsDefined(sub) || sub.TypeOf() != Type))
        {
            problems.Add((nameof(SubType), "合同子类与合同类别不符"));
        }

        if (Type == TechContractType.Consulting && SubType is not null)
        {
            problems.Add((nameof(SubType), "技术咨询合同没有子类"));
        }

        foreach (var (party, prefix, label) in new[] { (Seller, "Seller", "卖方"), (Buyer, "Buyer", "买方") })
        {
            if (party.CreditCode.Length > 0 && Organizations.CreditCode.Check(party.CreditCode) == Organizations.CreditCodeVerdict.InvalidFormat)
            {
                problems.Add((prefix + "CreditCode", $"{label}统一社会信用代码格式不正确"));
            }

            if (party.RegionCode.Length > 0 && (party.RegionCode.Length != 6 || !party.RegionCode.All(char.IsAsciiDigit)))
            {
                problems.Add((prefix + "RegionCode", $"{label}行政区划代码应为6位数字"));
            }

            if (party.CountryCode.Length > 0 && (party.CountryCode.Length != 3 || !party.CountryCode.All(char.IsAsciiDigit)))
            {
                problems.Add((prefix + "CountryCode", $"{label}国别代码应为3位数字"));
            }
        }

        if (ValidFrom != default && ValidTo != default && ValidTo < ValidFrom)
        {
            problems.Add((nameof(ValidTo), "有效期止不能早于有效期起"));
        }

        if (SignedOn != default && (SignedOn.Year < 1990 || SignedOn.Year > 2100))
        {
            problems.Add((nameof(SignedOn), "签订日期不在有效范围内"));
        }

        if (ContractAmount != 0 || Deductions.Count > 0)
        {
            problems.AddRange(ContractAmounts.Problems(ContractAmount, Deductions));
        }

        if (ExpectedInvestment < 0)
        {
            problems.Add((nameof(ExpectedInvestment), "预计新增投入不能为负数"));
        }

        if (ExpectedOutput < 0)
        {
            problems.Add((nameof(ExpectedOutput), "预计新增产值不能为负数"));
        }

        if (ResponsiblePerson.Trim().Length > PersonNameLength)
        {
            problems.Add((nameof(ResponsiblePerson), $"负责人不能超过{PersonNameLength}个字"));
        }

        if (FilledBy.Trim().Length > PersonNameLength)
        {
            problems.Add((nameof(FilledBy), $"填报人不能超过{PersonNameLength}个字"));
        }

        if (FilledOn is { } filled && filled.Year < 1990)
        {
            problems.Add((nameof(FilledOn), "填报日期不在有效范围内"));
        }
        else if (FilledOn is { } filledOn && today is { } now && filledOn > now)
        {
            problems.Add((nameof(FilledOn), "填报日期不能晚于今天"));
        }

        return problems;
    }

    /// <summary>Fields the national form requires before the contract can be submitted (Chinese labels).</summary>
    /// <summary>
    /// What a submission still lacks, field by field, each with the message shown next to that field and in the form's
    /// error summary (issue 25 §5): the message names the field by its label on the form (请填写卖方名称, 请选择卖方性质).
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> MissingFieldsForSubmission()
    {
        var missing = new List<(string, string)>();
        void Need(bool present, string field, string message)
        {
            if (!present)
            {
                missing.Add((field, message));
            }
        }

        Need(Enum.IsDefined(Type), nameof(Type), "请选择合同类别");
        Need(Type == TechContractType.Consulting || SubType is not null, nameof(SubType), "请选择合同子类");
        Need(Type != TechContractType.Licence || LicenceScope is not null, nameof(LicenceScope), "请选择许可范围");
        foreach (var (party, side, label) in new[] { (Seller, nameof(Seller), "卖方"), (Buyer, nameof(Buyer), "买方") })
        {
            Need(party.Name.Length > 0, side + "Name", $"请填写{label}名称");
            Need(!party.IsDomestic || party.CreditCode.Length > 0, side + "CreditCode", $"请填写{label}统一社会信用代码");
            Need(party.CountryCode.Length > 0, side + "CountryCode", $"请选择{label}国别（地区）");
            Need(!party.IsDomestic || party.RegionCode.Length > 0, side + "DivisionCode", $"请填写{label}行政区划代码");
            Need(party.NatureCode.Length > 0, side + "NatureCode", $"请选择{label}性质");
        }

        Need(TechnicalFieldCode.Length > 0, nameof(TechnicalFieldCode), "请选择技术领域");
        Need(IpTypeCode.Length > 0, nameof(IpTypeCode), "请选择知识产权类型");
        Need(PlanSourceCode.Length > 0, nameof(PlanSourceCode), "请选择计划来源");
        Need(SocioEconomicGoalCode.Length > 0, nameof(SocioEconomicGoalCode), "请选择社会经济目标");
        Need(SignedOn != default, nameof(SignedOn), "请填写签订日期");
        Need(ValidFrom != default, nameof(ValidFrom), "请填写有效期起");
        Need(ValidTo != default, nameof(ValidTo), "请填写有效期止");
        Need(ContractAmount > 0, nameof(ContractAmount), "请填写成交额");
        Need(Enum.IsDefined(PaymentMode), nameof(PaymentMode), "请选择支付方式");
        Need(Type != TechContractType.Transfer || ExpectedInvestment is not null, nameof(ExpectedInvestment), "技术转让合同请填写预计新增投入");
        Need(Type != TechContractType.Transfer || ExpectedOutput is not null, nameof(ExpectedOutput), "技术转让合同请填写预计新增产值");
        Need(ResponsiblePerson.Trim().Length > 0, nameof(ResponsiblePerson), "请填写负责人");
        Need(FilledBy.Trim().Length > 0, nameof(FilledBy), "请填写填报人");
        Need(FilledOn is not null, nameof(FilledOn), "请填写填报日期");
        return missing;
    }

    public IReadOnlyList<string> MissingForSubmission()
    {
        var missing = new List<string>();
        void Need(bool present, string label)
        {
            if (!present)
            {
                missing.Add(label);
            }
        }

        Need(Enum.IsDefined(Type), "合同类别");
        Need(Type == TechContractType.Consulting || SubType is not null, "合同子类");
        Need(Type != TechContractType.Licence || LicenceScope is not null, "许可范围");
        Need(Seller.Name.Length > 0, "卖方名称");
        Need(!Seller.IsDomestic || Seller.CreditCode.Length > 0, "卖方统一社会信用代码");
        Need(Seller.CountryCode.Length > 0, "卖方国别");
        Need(!Seller.IsDomestic || Seller.RegionCode.Length > 0, "卖方行政区划");
        Need(Seller.NatureCode.Length > 0, "卖方性质");
        Need(Buyer.Name.Length > 0, "买方名称");
        Need(!Buyer.IsDomestic || Buyer.CreditCode.Length > 0, "买方统一社会信用代码");
        Need(Buyer.CountryCode.Length > 0, "买方国别");
        Need(!Buyer.IsDomestic || Buyer.RegionCode.Length > 0, "买方行政区划");
        Need(Buyer.NatureCode.Length > 0, "买方性质");
        Need(TechnicalFieldCode.Length > 0, "技术领域");
        Need(IpTypeCode.Length > 0, "知识产权类型");
        Need(PlanSourceCode.Length > 0, "计划来源");
        Need(SocioEconomicGoalCode.Length > 0, "社会经济目标");
        Need(SignedOn != default, "签订日期");
        Need(ValidFrom != default && ValidTo != default, "合同有效期");
        Need(ContractAmount > 0, "成交额");
        Need(Enum.IsDefined(PaymentMode), "支付方式");
        Need(Type != TechContractType.Transfer || (ExpectedInvestment is not null && ExpectedOutput is not null), "预计新增投入和产值（技术转让合同）");
        Need(ResponsiblePerson.Trim().Length > 0, "负责人");
        Need(FilledBy.Trim().Length > 0, "填报人");
        Need(FilledOn is not null, "填报日期");
        return missing;
    }
}

/// <summary>Warnings on terms that are allowed but need a person's look (DOMAIN.md §4.1).</summary>
public static class ContractTermWarnings
{
    /// <summary>A credit code of the right shape but a wrong check character: a warning to the filer, a confirmation for the registrar.</summary>
    public static IReadOnlyList<(string Field, string Message)> CreditCodes(ContractTerms terms)
    {
        var warnings = new List<(string, string)>();
        foreach (var (party, prefix, label) in new[] { (terms.Seller, "Seller", "卖方"), (terms.Buyer, "Buyer", "买方") })
        {
            if (party.CreditCode.Length > 0 && Organizations.CreditCode.Check(party.CreditCode) == Organizations.CreditCodeVerdict.ChecksumMismatch)
            {
                warnings.Add((prefix + "CreditCode",
                    $"{label}统一社会信用代码“{party.CreditCode}”的校验位与编码规则不符（应为 {Organizations.CreditCode.ExpectedCheckCharacter(party.CreditCode)}），请对照营业执照核对"));
            }
        }

        return warnings;
    }
}
