using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

public sealed record PublicityView(Publicity Publicity, Programme Programme, IReadOnlyList<(string Title, string Applicant, decimal? Amount)> Listed, bool IsBureau);

/// <summary>
/// 立项公示 (public): the listed applications' title, unit and amount, through a projection of the listed applications only;
/// the bureau also sees the objections and the answers.
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
        var listed = await PublicListingHandler.ListAsync(db, publicity.ApplicationIds, ct);
        return new PublicityView(publicity, programme, listed, isBureau);
    }
}
