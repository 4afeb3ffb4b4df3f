using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

/// <summary>
/// Publishes a period's index, freezing its values; publishing it again is a correction with its reason. A broken rule stays
/// the filter's flash message (no form to show again).
/// </summary>
public class PublishIndexHandler(PortalDbContext db, IndexDataHandler data, IOptions<IndexOptions> options, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<IndexPeriod> HandleAsync(string? period, IndexNormalisation? normalisation, string? correctionReason, CancellationToken ct)
    {
        if (!IndexPeriod.TryParse(period, out var p))
        {
            throw new DomainException("请选择要发布的年度或季度");
        }

        var method = options.Value.Method(normalisation);
        var rows = await data.ComputeAsync(p, method, ct);
        var code = p.Code;
        var current = await db.IndexPublications.FirstOrDefaultAsync(x => x.Period == code && !x.IsSuperseded, ct);
        db.IndexPublications.Add(IndexPublication.Publish(p, method, rows, Display.Today(clock), actor.DisplayName, current, correctionReason, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return p;
    }
}
