namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>A listing of the other side suggested for one listing, with its score and the reasons.</summary>
public sealed record Suggestion(Guid Id, string Title, string OrganizationName, int Points, IReadOnlyList<string> Reasons);
