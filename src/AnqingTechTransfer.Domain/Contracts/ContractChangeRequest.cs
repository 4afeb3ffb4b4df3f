namespace AnqingTechTransfer.Domain.Contracts;

public enum ChangeRequestStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// 变更登记 (issue 22): the filer of a registered contract asks to change its terms (amount, parties, validity, deductions…)
/// and says why; a registrar of the contract's point approves (the terms apply from that moment, the history keeps each
/// field before → after) or rejects with a reason. One open request per contract.
/// </summary>
public class ContractChangeRequest
{
    private ContractChangeRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    /// <summary>Copied from the contract for the tenant filter and the registrar's queue.</summary>
    public Guid FilerOrganizationId { get; private set; }
    public Guid RegistrationPointId { get; private set; }
    public ChangeRequestStatus Status { get; private set; }
    public ContractTerms Terms { get; private set; } = null!;
    public string Reason { get; private set; } = string.Empty;
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = string.Empty;
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionRemark { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => Status == ChangeRequestStatus.Pending;

    /// <param name="hasOpenRequest">the contract already has a request waiting for a decision</param>
    public static ContractChangeRequest File(TechContract contract, ContractTerms terms, string? reason, bool hasOpenRequest, DateTimeOffset now, ContractActor actor)
    {
        Require(contract.Status == ContractStatus.Registered && !contract.IsImported, "只有本平台已登记的合同可以申请变更登记");
        Require(!hasOpenRequest, "该合同已有待审核的变更申请，请等待登记点处理");
        Require(!string.IsNullOrWhiteSpace(reason), "请填写变更理由", "ChangeReason");
        Require(reason!.Trim().Length <= 500, "变更理由不能超过500个字", "ChangeReason");
        var problems = terms.Problems();
        Require(problems.Count == 0, problems.Count == 0 ? string.Empty : problems[0].Message, problems.Count == 0 ? null : problems[0].Field);
        var missing = terms.MissingForSubmission();
        Require(missing.Count == 0, "变更后的登记内容不完整，请补全：" + string.Join("、", missing));
        Require(ContractChanges.Compare(contract.RegisteredTerms, terms).Count > 0, "变更内容与现登记内容相同，没有需要变更的项目");
        var request = new ContractChangeRequest
        {
            Id = Guid.CreateVersion7(now),
            ContractId = contract.Id,
            FilerOrganizationId = contract.FilerOrganizationId,
            RegistrationPointId = contract.RegistrationPointId,
            Status = ChangeRequestStatus.Pending,
            Terms = terms,
            Reason = reason.Trim(),
            FiledAt = now,
            FiledBy = actor.UserName,
        };
        contract.Note(now, actor, "申请变更登记", request.Reason);
        return request;
    }

    /// <summary>What the request would change on the contract as it stands.</summary>
    public IReadOnlyList<ContractChange> Changes(TechContract contract) => ContractChanges.Compare(contract.RegisteredTerms, Terms);

    public void Approve(TechContract contract, DateTimeOffset now, ContractActor actor)
    {
        RequireOpenFor(contract);
        contract.ApplyChange(now, actor, Terms, Reason);
        Decide(ChangeRequestStatus.Approved, now, actor, null);
    }

    public void Reject(TechContract contract, DateTimeOffset now, ContractActor actor, string? remark)
    {
        RequireOpenFor(contract);
        Require(!string.IsNullOrWhiteSpace(remark), "请填写驳回理由", "Remark");
        Require(remark!.Trim().Length <= 1000, "驳回理由不能超过1000个字", "Remark");
        Decide(ChangeRequestStatus.Rejected, now, actor, remark!.Trim());
        contract.Note(now, actor, "驳回变更申请", DecisionRemark);
        // (also used when the contract is cancelled while a request waits: the request closes with the cancellation's words)
    }

    private void RequireOpenFor(TechContract contract)
    {
        Require(contract.Id == ContractId, "变更申请与合同不符");
        Require(IsOpen, "该变更申请已处理");
    }

    private void Decide(ChangeRequestStatus status, DateTimeOffset now, ContractActor actor, string? remark)
    {
        Status = status;
        DecidedAt = now;
        DecidedBy = actor.UserName;
        DecisionRemark = remark;
    }

    private static void Require(bool condition, string message, string? field = null)
    {
        if (!condition)
        {
            throw new DomainException(message, field);
        }
    }
}
