using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Decisions;

/// <summary>What a decision's form posts: the version the user saw, and the remark, reason, dispute flag or amount it needs.</summary>
public class DecisionInput
{
    public uint Version { get; set; }
    public string? Remark { get; set; }
    public RefusalReason? Reason { get; set; }
    public bool Disputed { get; set; }
    public decimal? Amount { get; set; }
}
