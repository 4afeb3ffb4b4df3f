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
    /// <summary>The registrar has checked a credit code whose check character does not match (issue 22 §4).</summary>
    public bool CreditCodesChecked { get; set; }
    /// <summary>技术性收入凭证 with an income declaration.</summary>
    public List<Microsoft.AspNetCore.Http.IFormFile> Files { get; set; } = [];
}
