using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

public sealed record ListingView(MarketListing Listing, bool IsNeed, string FieldName, bool IsOwner, bool CanReview, bool ContactVisible,
    IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<(Guid Id, string Title)> OwnOpposite, IReadOnlyList<DockingRow> Requests,
    IReadOnlyList<Suggestion> Scenarios);

/// <summary>
/// A need or a result with its suggestions (for the owner), the docking requests on it (for those signed in), the owner's
/// listings of the other side to offer, and the contact: in full for the owner, its reviewers, and an organization whose
/// docking request on it was accepted (someone else's contact shown in full is audited). The owner of a published result
/// also sees the scenarios collecting that match it (场景与您的成果匹配, <see cref="Carriers.Scenarios.ScenarioMatchesHandler"/>).
/// </summary>
public sealed class ListingDetailsHandler(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, MarketSearchHandler search,
    CodeTableLookupHandler codes, Carriers.Scenarios.ScenarioMatchesHandler scenarios) : IUseCase
{
    public async Task<ListingView?> HandleAsync(bool isNeed, Guid id, CancellationToken ct)
    {
        var listing = await db.ReadListingAsync(isNeed, id, ct);
        if (listing is null)
        {
            return null;
        }

        var me = actor.OrganizationId;
        var signedIn = permissions.TakesPart;
        var isOwner = permissions.Allows(MarketPermissions.Own, listing);
        var canReview = permissions.Allows(MarketPermissions.Review, listing);
        var requests = signedIn
            ? await DockingRows.Query(db).Where(x => isNeed ? x.Request.NeedId == id : x.Request.ResultId == id)
                .OrderByDescending(x => x.Request.CreatedAt).Take(50).Select(DockingRows.Row(me)).ToListAsync(ct)
            : [];
        var contactVisible = isOwner || canReview || (signedIn && await db.DockingRequests.AnyAsync(r => (isNeed ? r.NeedId == id : r.ResultId == id)
            && r.Status == DockingStatus.Accepted && (r.NeedOrganizationId == me || r.ResultOrganizationId == me), ct));
        var suggestions = isOwner && listing.IsPublic
            ? listing switch
            {
                TechNeed need => await search.ForNeedAsync(need, ct),
                _ => await search.ForResultAsync((TechResult)listing, ct),
            }
            : [];
        var matchedScenarios = isOwner && listing is TechResult { IsPublic: true } result ? await scenarios.ForResultAsync(result, ct) : [];
        var ownOpposite = signedIn && listing.IsPublic && listing.OrganizationId != me
            ? isNeed
                ? await db.TechResults.AsNoTracking().Where(r => r.OrganizationId == me && r.Status == ListingStatus.Published).OrderBy(r => r.Title)
                    .Select(r => new ValueTuple<Guid, string>(r.Id, r.Title)).Take(50).ToListAsync(ct)
                : await db.TechNeeds.AsNoTracking().Where(n => n.OrganizationId == me && n.Status == ListingStatus.Published).OrderBy(n => n.Title)
                    .Select(n => new ValueTuple<Guid, string>(n.Id, n.Title)).Take(50).ToListAsync(ct)
            : [];
        if (contactVisible && !isOwner)
        {
            // Someone else's contact person shown in full (a reviewer, or the other side of an accepted docking): audited.
            db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, listing.GetType().Name, listing.Id.ToString(), $"联系人 {listing.Contact.MaskedName} 的电话");
            await db.SaveChangesAsync(ct);
        }

        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        return new ListingView(listing, isNeed, fields.GetValueOrDefault(listing.FieldCode, listing.FieldCode), isOwner, canReview, contactVisible, suggestions,
            ownOpposite, requests, matchedScenarios);
    }
}
