using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

public sealed record IndexPreviewView(IndexPeriod Period, IndexMethod Method, IReadOnlyList<IndexRow> Rows, IndexPublication? Current, bool CanPublish);

/// <summary>The bureau's preview: the index of a period (by default the last year) computed live, and what is published for it.</summary>
public class PreviewIndexHandler(PortalDbContext db, IndexDataHandler data, IOptions<IndexOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<IndexPreviewView> HandleAsync(string? period, IndexNormalisation? normalisation, CancellationToken ct)
    {
        var today = Display.Today(clock);
        if (!IndexPeriod.TryParse(period, out var p))
        {
            p = new IndexPeriod(today.Year - 1, null);
        }

        var method = options.Value.Method(normalisation);
        var rows = await data.ComputeAsync(p, method, ct);
        var code = p.Code;
        var current = await db.IndexPublications.AsNoTracking().FirstOrDefaultAsync(x => x.Period == code && !x.IsSuperseded, ct);
        return new IndexPreviewView(p, method, rows, current, p.HasEnded(today));
    }
}
