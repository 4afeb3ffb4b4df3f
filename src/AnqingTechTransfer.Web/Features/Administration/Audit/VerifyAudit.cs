using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.Audit;

public sealed record AuditVerification(long RowsChecked, long? FirstBrokenId)
{
    public bool Intact => FirstBrokenId is null;
}

/// <summary>Walks the whole chain in id order, a page at a time, and names the first row that does not hold.</summary>
public class AuditVerifyHandler(PortalDbContext db) : IUseCase
{
    private const int PageSize = 5000;

    /// <summary>校验哈希链 from the page: the verification, and an audit row saying how it ended.</summary>
    public async Task<AuditVerification> HandleAsync(CancellationToken ct)
    {
        var result = await VerifyAsync(ct);
        db.Audit("校验审计日志", result.Intact ? AuditOutcome.Success : AuditOutcome.Failure, nameof(AuditEntry), result.FirstBrokenId?.ToString(),
            result.Intact ? $"{result.RowsChecked} 条记录完整" : $"第 {result.FirstBrokenId} 条记录被篡改或缺失");
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        AuditEntry? previous = null;
        long checkedRows = 0;
        while (true)
        {
            var after = previous?.Id ?? 0;
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                return new AuditVerification(checkedRows, null);
            }

            if (AuditChain.FirstBroken(page, previous) is { } broken)
            {
                return new AuditVerification(checkedRows + page.TakeWhile(r => r.Id != broken).Count(), broken);
            }

            checkedRows += page.Count;
            previous = page[^1];
        }
    }
}
