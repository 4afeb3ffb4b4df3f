namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>One itemised non-technical deduction (purchased equipment, materials...), in 万元.</summary>
public sealed record Deduction(string Item, decimal Amount);

/// <summary>
/// 成交额 and 技术交易额 (DOMAIN.md §1.3): the technical amount is the contract amount less the itemised
/// non-technical deductions; it is never negative and never above the contract amount. Amounts in 万元.
/// </summary>
public static class ContractAmounts
{
    /// <summary>Contracts at or above this 技术交易额 (万元) get a second review and the longer time limit.</summary>
    public const decimal LargeContractThreshold = 500m;
    public const decimal Maximum = 99_999_999m;

    public static decimal TechAmount(decimal contractAmount, IReadOnlyCollection<Deduction> deductions)
    {
        var problems = Problems(contractAmount, deductions);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0].Message, problems[0].Field);
        }

        return contractAmount - deductions.Sum(d => d.Amount);
    }

    public static IReadOnlyList<(string Field, string Message)> Problems(decimal contractAmount, IReadOnlyCollection<Deduction> deductions)
    {
        var problems = new List<(string, string)>();
        if (contractAmount <= 0)
        {
            problems.Add(("ContractAmount", "成交额应大于0"));
        }
        else if (contractAmount > Maximum)
        {
            problems.Add(("ContractAmount", "成交额超出允许范围"));
        }

        if (decimal.Round(contractAmount, 4) != contractAmount)
        {
            problems.Add(("ContractAmount", "成交额最多保留4位小数（万元，精确到元）"));
        }

        foreach (var deduction in deductions)
        {
            if (string.IsNullOrWhiteSpace(deduction.Item))
            {
                problems.Add(("Deductions", "请填写每项扣除的名称"));
            }

            if (deduction.Amount < 0)
            {
                problems.Add(("Deductions", $"扣除项“{deduction.Item}”的金额不能为负数"));
            }
        }

        if (deductions.Sum(d => d.Amount) > contractAmount && contractAmount > 0)
        {
            problems.Add(("Deductions", "非技术性扣除合计不能超过成交额（技术交易额不能为负）"));
        }

        return problems;
    }

    public static bool IsLarge(decimal techAmount) => techAmount >= LargeContractThreshold;
}

/// <summary>
/// The registrar's 认定 of one deduction: a filer's item accepted (same amount) or corrected, or one the registrar adds
/// (Declared is null). A reason is required whenever the assessed amount differs from the declared one.
/// </summary>
public sealed record AssessedDeduction(string Item, decimal? Declared, decimal Amount, string? Reason)
{
    public bool IsAdded => Declared is null;
    public bool Differs => Declared != Amount;
}

/// <summary>
/// 技术交易额核定 (DOMAIN.md §1.3): the registration office assesses the technical amount; every declared deduction is
/// accepted or corrected with a reason, and deductions the filer left out (equipment, materials, non-technical services)
/// may be added with a reason. The result is never negative.
/// </summary>
public static class DeductionAssessment
{
    public const int MaxReasonLength = 200;

    /// <summary>Each declared deduction accepted as declared: the assessment when the registrar changes nothing.</summary>
    public static IReadOnlyList<AssessedDeduction> AsDeclared(IReadOnlyList<Deduction> declared) =>
        declared.Select(d => new AssessedDeduction(d.Item, d.Amount, d.Amount, null)).ToList();

    public static IReadOnlyList<(string Field, string Message)> Problems(decimal contractAmount, IReadOnlyList<Deduction> declared, IReadOnlyList<AssessedDeduction> assessed)
    {
        var problems = new List<(string, string)>();
        var kept = assessed.Where(a => !a.IsAdded).ToList();
        if (kept.Count != declared.Count || kept.Zip(declared).Any(p => p.First.Item != p.Second.Item || p.First.Declared != p.Second.Amount))
        {
            problems.Add((string.Empty, "申报的扣除项已变化，请刷新页面后重新核定"));
            return problems;
        }

        for (var i = 0; i < assessed.Count; i++)
        {
            var a = assessed[i];
            var label = string.IsNullOrWhiteSpace(a.Item) ? $"第{i + 1}项" : $"“{a.Item}”";
            if (a.IsAdded && string.IsNullOrWhiteSpace(a.Item))
            {
                problems.Add(($"Items[{i}].Item", "请填写新增扣除项的名称"));
            }

            if (a.Amount < 0 || (a.IsAdded && a.Amount == 0))
            {
                problems.Add(($"Items[{i}].Amount", a.IsAdded ? $"新增扣除项{label}的金额应大于0" : $"扣除项{label}的核定金额不能为负数"));
            }
            else if (decimal.Round(a.Amount, 4) != a.Amount || a.Amount > ContractAmounts.Maximum)
            {
                problems.Add(($"Items[{i}].Amount", $"扣除项{label}的金额最多保留4位小数（万元）"));
            }

            if ((a.Differs || a.IsAdded) && string.IsNullOrWhiteSpace(a.Reason))
            {
                problems.Add(($"Items[{i}].Reason", a.IsAdded ? $"请说明新增扣除项{label}的理由" : $"扣除项{label}的核定金额与申报不同，请说明理由"));
            }
            else if (a.Reason?.Trim().Length > MaxReasonLength)
            {
                problems.Add(($"Items[{i}].Reason", $"理由不能超过{MaxReasonLength}个字"));
            }
        }

        if (problems.Count == 0 && assessed.Sum(a => a.Amount) > contractAmount)
        {
            problems.Add(("Items", "核定的扣除合计不能超过成交额（技术交易额不能为负）"));
        }

        return problems;
    }

    /// <summary>The history line: declared → assessed, and each correction or addition with its reason.</summary>
    public static string Describe(decimal declaredTechAmount, decimal assessedTechAmount, IReadOnlyList<AssessedDeduction> assessed)
    {
        var changes = assessed.Where(a => a.Differs).Select(a => a.IsAdded
            ? $"新增扣除“{a.Item}”{a.Amount:0.####} 万元（{a.Reason}）"
            : $"“{a.Item}”{a.Declared:0.####} → {a.Amount:0.####} 万元（{a.Reason}）").ToList();
        return changes.Count == 0
            ? $"按申报核定：技术交易额 {assessedTechAmount:0.####} 万元"
            : $"申报技术交易额 {declaredTechAmount:0.####} 万元 → 核定 {assessedTechAmount:0.####} 万元；" + string.Join("；", changes);
    }
}
