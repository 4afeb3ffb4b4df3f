using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

public sealed record ManageListingsPage(PagedList<MarketRow> Rows, bool IsNeed, ListingStatus? Status, bool CanPost, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// The management list of needs (or results): the owner sees its own; a county or park what its region posted; the bureau
/// everything. Pending first.
/// </summary>
public sealed class ManageListingsHandler(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, CodeTableLookupHandler codes) : IUseCase
{
    public async Task<ManageListingsPage> HandleAsync(bool isNeed, ListingStatus? status, int page, CancellationToken ct)
    {
        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        var rows = isNeed
            ? await Scoped(db.TechNeeds.AsNoTracking(), isNeed, status).OrderBy(l => l.Status).ThenByDescending(l => l.Id).Select(MarketRow.OfNeed).ToPagedListAsync(page, ct: ct)
            : await Scoped(db.TechResults.AsNoTracking(), isNeed, status).OrderBy(l => l.Status).ThenByDescending(l => l.Id).Select(MarketRow.OfResult).ToPagedListAsync(page, ct: ct);
        return new ManageListingsPage(rows, isNeed, status, permissions.MayPost(isNeed), fields);
    }

    private IQueryable<T> Scoped<T>(IQueryable<T> query, bool isNeed, ListingStatus? status) where T : MarketListing
    {
        if (permissions.MayPost(isNeed))
        {
            var own = actor.OrganizationId;
            query = query.Where(l => l.OrganizationId == own);
        }
        else if (permissions.ReviewsRegion)
        {
            var region = actor.RegionCode;
            query = query.Where(l => l.RegionCode == region);
        }

        if (status is { } s)
        {
            query = query.Where(l => l.Status == s);
        }

        return query;
    }
}
