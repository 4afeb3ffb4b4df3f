using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Home;

public sealed record HomeNotice(Guid Id, string Title, NoticeKind Kind, DateOnly PublishedOn);

/// <summary>The front page: the latest notices (withdrawn ones left out).</summary>
public sealed record HomePage(IReadOnlyList<HomeNotice> Notices);

/// <summary>The public front page's latest notices, newest first.</summary>
public sealed class ShowHomeHandler(PortalDbContext db) : IUseCase
{
    private const int Latest = 5;

    public async Task<HomePage> HandleAsync(CancellationToken ct) =>
        new(await db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn).OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt)
            .Take(Latest).Select(n => new HomeNotice(n.Id, n.Title, n.Kind, n.PublishedOn)).ToListAsync(ct));
}
