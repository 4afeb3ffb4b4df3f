using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>What is done to a listing from its page: reviewed (by its reviewers), withdrawn, resubmitted or closed (by its owner).</summary>
public enum ListingStep
{
    Review,
    Withdraw,
    Resubmit,
    Close,
}

/// <summary>
/// The steps of a listing's life after posting, and the owner dismissing a suggestion. A broken rule stays the filter's
/// flash message (no form here).
/// </summary>
public sealed class ListingStepsHandler(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, Messages.Notifier notifier, TimeProvider clock) : IUseCase
{
    /// <summary>The step; a review tells the owner's administrators (published, or returned with the reason), saved with it.</summary>
    public async Task<RecordResult<MarketListing>> HandleAsync(bool isNeed, Guid id, ListingStep step, bool publish, string? remark, uint version, CancellationToken ct)
    {
        var listing = await db.TrackListingAsync(isNeed, id, ct);
        var owners = step == ListingStep.Review && listing is not null ? await notifier.AdminsOfAsync(listing.OrganizationId, ct) : [];
        return await db.StepAsync(listing, l => permissions.Allows(step == ListingStep.Review ? MarketPermissions.Review : MarketPermissions.Own, l), version,
            l =>
            {
                switch (step)
                {
                    case ListingStep.Review:
                        l.Review(publish, remark, clock.GetUtcNow());
                        var kind = isNeed ? "技术需求" : "科技成果";
                        notifier.ToUsers(owners, publish ? $"{kind}已审核发布" : $"{kind}被退回",
                            publish ? $"您单位的{kind}《{l.Title}》已审核通过并公开发布。" : $"您单位的{kind}《{l.Title}》被退回：{remark?.Trim()}。请修改后重新提交。",
                            isNeed ? $"/needs/{l.Id}" : $"/results/{l.Id}", MessageKind.Market);
                        break;
                    case ListingStep.Withdraw: l.Withdraw(); break;
                    case ListingStep.Resubmit: l.Resubmit(); break;
                    default: l.Close(); break;
                }
            }, ct);
    }

    /// <summary>The owner does not want to see a suggestion (<paramref name="other"/>, of the other side) again.</summary>
    public async Task<RecordResult<Guid>> DismissAsync(bool isNeed, Guid id, Guid other, CancellationToken ct)
    {
        var listing = await db.ReadListingAsync(isNeed, id, ct);
        if (listing is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(MarketPermissions.Own, listing))
        {
            return RecordResult<Guid>.Forbidden;
        }

        var (needId, resultId) = isNeed ? (id, other) : (other, id);
        if (!await db.DismissedMatches.AnyAsync(d => d.NeedId == needId && d.ResultId == resultId, ct))
        {
            db.DismissedMatches.Add(new DismissedMatch(actor.OrganizationId, needId, resultId));
            await db.SaveChangesAsync(ct);
        }

        return RecordResult<Guid>.Done(id);
    }
}
