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
