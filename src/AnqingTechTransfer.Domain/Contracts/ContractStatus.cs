namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>The registration workflow (DOMAIN.md §1.4). An enum: the procedure fixes the states.</summary>
public enum ContractStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
    UnderReview = 5,
    SecondReview = 6,
    Registered = 7,
    Refused = 8,
    Cancelled = 9,
}

/// <summary>不予登记 reasons 1–9 (DOMAIN.md §1.4).</summary>
public enum RefusalReason
{
    InvalidOrNotEffective = 1,
    NotTechContract = 2,
    TermsUnclear = 3,
    ApprovalMissing = 4,
    NameMismatchNotCorrected = 5,
    IllegalClauses = 6,
    ProofsDefective = 7,
    SealsDefective = 8,
    Other = 9,
}

public static class ContractStatusNames
{
    public static string Name(this ContractStatus status) => status switch
    {
        ContractStatus.Draft => "草稿",
        ContractStatus.Submitted => "已提交",
        ContractStatus.Returned => "退回补正",
        ContractStatus.Accepted => "已受理",
        ContractStatus.UnderReview => "审核中",
        ContractStatus.SecondReview => "大额复核",
        ContractStatus.Registered => "已登记",
        ContractStatus.Refused => "不予登记",
        ContractStatus.Cancelled => "已注销",
        _ => status.ToString(),
    };

    public static string Name(this RefusalReason reason) => reason switch
    {
        RefusalReason.InvalidOrNotEffective => "无效或未生效合同",
        RefusalReason.NotTechContract => "非技术合同",
        RefusalReason.TermsUnclear => "主体、标的、价款约定不明确",
        RefusalReason.ApprovalMissing => "依法需审批而未审批",
        RefusalReason.NameMismatchNotCorrected => "合同名称与权利义务不一致且未补正",
        RefusalReason.IllegalClauses => "含非法垄断技术、妨碍技术进步或侵害他人技术成果条款",
        RefusalReason.ProofsDefective => "证明文件不出具或不符合要求",
        RefusalReason.SealsDefective => "印章不齐全或与书写名称不一致",
        RefusalReason.Other => "其他",
        _ => reason.ToString(),
    };

    /// <summary>States in which the registrar's clock runs (the item sits in the queue).</summary>
    public static readonly ContractStatus[] RegistrarQueue =
        [ContractStatus.Submitted, ContractStatus.Accepted, ContractStatus.UnderReview, ContractStatus.SecondReview];

    public static bool IsInRegistrarQueue(this ContractStatus status) => RegistrarQueue.Contains(status);
}
