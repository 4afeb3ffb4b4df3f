namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>One step of a contract's history: who did what, when, from which state to which, and why.</summary>
public class ContractEvent
{
    private ContractEvent()
    {
    }

    public ContractEvent(Guid contractId, DateTimeOffset at, Guid userId, string userName, string action, ContractStatus from, ContractStatus to, string? remark)
    {
        Id = Guid.CreateVersion7(at);
        ContractId = contractId;
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Remark = remark;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public ContractStatus FromStatus { get; private set; }
    public ContractStatus ToStatus { get; private set; }
    public string? Remark { get; private set; }
}
