using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>A need or a result in the market's lists (the search and the management list).</summary>
public sealed record MarketRow(Guid Id, Guid OrganizationId, string Title, string OrganizationName, string RegionCode, string FieldCode, CooperationModes Modes, decimal? Amount,
    int? Maturity, DateTimeOffset? PublishedAt, ListingStatus Status, string Summary)
{
    public static readonly System.Linq.Expressions.Expression<Func<TechNeed, MarketRow>> OfNeed =
        n => new MarketRow(n.Id, n.OrganizationId, n.Title, n.OrganizationName, n.RegionCode, n.FieldCode, n.Modes, n.BudgetMax, null, n.PublishedAt, n.Status, n.Summary);

    public static readonly System.Linq.Expressions.Expression<Func<TechResult, MarketRow>> OfResult =
        r => new MarketRow(r.Id, r.OrganizationId, r.Title, r.OrganizationName, r.RegionCode, r.FieldCode, r.Modes, r.Price, r.Maturity, r.PublishedAt, r.Status, r.Summary);
}
