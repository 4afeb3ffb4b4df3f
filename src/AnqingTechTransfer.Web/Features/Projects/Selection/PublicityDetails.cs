using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>One listed application as the public sees it: its state on the publicity and, once decided, the reason.</summary>
public sealed record PublicityRow(Guid Id, string Title, string Applicant, decimal? Amount, ListingState State, string? Reason)
{
    public string StateText(bool ended) => State switch
    {
        ListingState.Held => "暂缓立项（异议核查中）",
        ListingState.Removed => "撤销立项",
        ListingState.Reinstated => "经核查恢复立项",
        _ => ended ? "已立项" : "公示中",
    };
}

public sealed record PublicityView(Publicity Publicity, Programme Programme, IReadOnlyList<PublicityRow> Listed, bool IsBureau)
{
    public IEnumerable<PublicityRow> Open => Listed.Where(l => l.State != ListingState.Removed);
    public IEnumerable<PublicityRow> Held => Listed.Where(l => l.State == ListingState.Held);
}

/// <summary>
/// 立项公示 (public): the listed applications' title, unit and amount, through a projection of the listed applications only,
/// with each one's state (held, removed or reinstated after an objection, and the reason once decided); the bureau also sees
/// the objections and the answers.
/// </summary>
public class PublicityDetailsHandler(PortalDbContext db) : IUseCase
{
    public async Task<PublicityView?> HandleAsync(Guid id, bool isBureau, CancellationToken ct)
    {
        var publicity = await db.Publicities.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == publicity.ProgrammeId, ct);
        var listed = (await PublicListingHandler.ListAsync(db, publicity.ApplicationIds, ct)).Select(l =>
        {
            var state = publicity.StateOf(l.Id);
            // The reason is public once decided (removed or reinstated); a hold under check shows only that it is held.
            var reason = state is ListingState.Removed or ListingState.Reinstated ? publicity.LatestDecision(l.Id)!.Reason : null;
            return new PublicityRow(l.Id, l.Title, l.Applicant, l.Amount, state, reason);
        }).ToList();
        return new PublicityView(publicity, programme, listed, isBureau);
    }
}
