using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>The confirm and reject buttons of a pending row (the list's action names and the question before rejecting).</summary>
public sealed record DecideButtons(string Confirm, string Reject, Guid Id, uint Version, string RejectQuestion);

/// <summary>
/// A county, park or the bureau confirms or rejects a qualification an enterprise entered: one flow for the three kinds.
/// The record is found in the user's scope first (otherwise 404 for everyone), then the right is asked; the version
/// posted guards against a concurrent decision (DomainExceptionFilter tells the user). The answer is the message to show.
/// </summary>
public class DecideQualificationHandler(PortalDbContext db) : IUseCase
{
    public async Task<RecordResult<string>> HandleAsync(QualificationList kind, Guid id, uint version, bool confirm, bool mayDecide, CancellationToken ct)
    {
        QualificationRecord? record = kind switch
        {
            QualificationList.HighTech => await db.HighTechRecords.SingleOrDefaultAsync(r => r.Id == id, ct),
            QualificationList.TechSme => await db.TechSmeRecords.SingleOrDefaultAsync(r => r.Id == id, ct),
            _ => await db.SpecializedRecords.SingleOrDefaultAsync(r => r.Id == id, ct),
        };
        if (record is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!mayDecide)
        {
            return RecordResult<string>.Forbidden;
        }

        db.Entry((object)record).Property(nameof(QualificationRecord.Version)).OriginalValue = version;
        if (confirm)
        {
            record.Confirm();
        }
        else
        {
            record.Reject();
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done(confirm ? Confirmed(kind) : "已退回。");
    }

    private static string Confirmed(QualificationList kind) => kind switch
    {
        QualificationList.HighTech => "已确认，该证书计入高新技术企业统计。",
        QualificationList.TechSme => "已确认，该企业计入当年科技型中小企业统计。",
        _ => "已确认。",
    };
}
