using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

public sealed record FirstProductsView(int Year, IReadOnlyList<DemandEntry> Demand, bool IsDecider, bool SignedIn);

/// <summary>三首产品研制需求清单: the deciding department keeps the yearly list (its draft entries seen by it only) and publishes it.</summary>
public class DemandListHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<FirstProductsView> PageAsync(int? year, bool decider, bool signedIn, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var demand = await db.DemandEntries.AsNoTracking().Where(d => d.Year == y && (d.IsPublished || decider)).OrderBy(d => d.Kind).ThenBy(d => d.Product).ToListAsync(ct);
        return new FirstProductsView(y, demand, decider, signedIn);
    }

    /// <summary>A broken rule stays the filter's flash message (no form here).</summary>
    public async Task AddAsync(int year, FirstKind kind, string? field, string? product, string? targets, string? demandSide, string? scenario, string? chainLink,
        CancellationToken ct)
    {
        db.DemandEntries.Add(DemandEntry.Add(year, kind, field ?? string.Empty, product ?? string.Empty, targets ?? string.Empty, demandSide ?? string.Empty,
            scenario ?? string.Empty, chainLink ?? string.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(int year, CancellationToken ct)
    {
        foreach (var entry in await db.DemandEntries.Where(d => d.Year == year && !d.IsPublished).ToListAsync(ct))
        {
            entry.Publish();
        }

        await db.SaveChangesAsync(ct);
    }
}
