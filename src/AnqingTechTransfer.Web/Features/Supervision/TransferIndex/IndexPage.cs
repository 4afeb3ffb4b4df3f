using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

public sealed record IndexPageView(IReadOnlyList<IndexPublication> Series, IndexPublication? Selected, bool IsBureau);

/// <summary>The public page: the published series (corrections replace what they correct) and the period asked, else the latest year.</summary>
public class IndexPageHandler(PortalDbContext db) : IUseCase
{
    public async Task<IndexPageView> HandleAsync(string? period, bool isBureau, CancellationToken ct)
    {
        var series = await db.IndexPublications.AsNoTracking().Where(p => !p.IsSuperseded).OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToListAsync(ct);
        var selected = series.LastOrDefault(p => period is null ? p.Quarter is null : p.Period == period) ?? series.LastOrDefault();
        return new IndexPageView(series, selected, isBureau);
    }
}
