using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

public sealed record NoticeView(Notice Notice, IReadOnlyList<Attachment> Files, bool IsBureau, bool CanWithdraw, DateOnly Today);

/// <summary>A notice with its files, to anyone while published; the bureau reads a withdrawn one too (else not found).</summary>
public class NoticeDetailsHandler(PortalDbContext db, NoticeFilesHandler files, NoticePermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<NoticeView?> HandleAsync(Guid id, bool publishes, CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && (!n.IsWithdrawn || publishes), ct);
        return notice is null ? null : new NoticeView(notice, await files.OfAsync(id, ct), publishes, permissions.Withdraws(notice), Display.Today(clock));
    }
}
