using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

/// <summary>The year's list; <paramref name="Answers"/>: for the deciding department, how many applications answer each entry.</summary>
public sealed record FirstProductsView(int Year, IReadOnlyList<DemandEntry> Demand, bool IsDecider, bool SignedIn, IReadOnlyDictionary<Guid, int> Answers);

/// <summary>三首产品研制需求清单: the deciding department keeps the yearly list (its draft entries seen by it only) and publishes it.</summary>
public class DemandListHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<FirstProductsView> PageAsync(int? year, bool decider, bool signedIn, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var demand = await db.DemandEntries.AsNoTracking().Where(d => d.Year == y && (d.IsPublished || decider)).OrderBy(d => d.Kind).ThenBy(d => d.Product).ToListAsync(ct);
        var ids = demand.Select(d => d.Id).ToList();
        var answers = decider
            ? await db.FirstProductApplications.AsNoTracking().Where(a => a.DemandEntryId != null && ids.Contains(a.DemandEntryId.Value))
                .GroupBy(a => a.DemandEntryId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];
        return new FirstProductsView(y, demand, decider, signedIn, answers);
    }

    /// <summary>A broken rule stays the filter's flash message (no form here).</summary>
    public async Task AddAsync(int year, FirstKind kind, string? field, string? product, string? targets, string? demandSide, string? scenario, string? chainLink,
        CancellationToken ct)
    {
        db.DemandEntries.Add(DemandEntry.Add(year, kind, field ?? string.Empty, product ?? string.Empty, targets ?? string.Empty, demandSide ?? string.Empty,
            scenario ?? string.Empty, chainLink ?? string.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>适时调整 of one entry; null when there is no such entry.</summary>
    public async Task<int?> ReviseAsync(Guid id, string? field, string? product, string? targets, string? demandSide, string? scenario, string? chainLink, CancellationToken ct)
    {
        if (await db.DemandEntries.SingleOrDefaultAsync(d => d.Id == id, ct) is not { } entry)
        {
            return null;
        }

        entry.Revise(field ?? string.Empty, product ?? string.Empty, targets ?? string.Empty, demandSide ?? string.Empty, scenario ?? string.Empty, chainLink ?? string.Empty,
            clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry.Year;
    }

    /// <summary>调出清单 with a reason; null when there is no such entry.</summary>
    public async Task<int?> RetireAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (await db.DemandEntries.SingleOrDefaultAsync(d => d.Id == id, ct) is not { } entry)
        {
            return null;
        }

        entry.Retire(reason ?? string.Empty, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry.Year;
    }

    /// <summary>年度修订: the next year's draft list from this year's entries still asked for; how many were carried over.</summary>
    public async Task<int> ReviseYearAsync(int year, CancellationToken ct)
    {
        var entries = await db.DemandEntries.AsNoTracking().Where(d => d.Year == year || d.Year == year + 1).ToListAsync(ct);
        var carried = DemandEntry.Revision(entries.Where(d => d.Year == year), entries.Where(d => d.Year == year + 1), year + 1, clock.GetUtcNow());
        db.DemandEntries.AddRange(carried);
        await db.SaveChangesAsync(ct);
        return carried.Count;
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
