using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Audit;

public sealed record AuditVerification(long RowsChecked, long? FirstBrokenId);

/// <summary>Walks the whole chain in id order, a page at a time, and names the first row that does not hold.</summary>
public class AuditVerifyHandler(PortalDbContext db) : Shared.IUseCase
{
    private const int PageSize = 5000;

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
