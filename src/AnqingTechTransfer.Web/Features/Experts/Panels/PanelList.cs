using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

public sealed record PanelRow(Guid Id, string Title, string SubjectKind, string ApplicantName, DateOnly ReviewDate, PanelStatus Status, decimal? Result);

/// <summary>The panels list: the status asked for and one page of panels, newest first.</summary>
public sealed record PanelListPage(PanelStatus? Status, PagedList<PanelRow> Rows);

public sealed class PanelListHandler(PortalDbContext db) : IUseCase
{
    public async Task<PanelListPage> HandleAsync(PanelStatus? status, int page, CancellationToken ct)
    {
        var query = db.ReviewPanels.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return new PanelListPage(status, await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new PanelRow(p.Id, p.Title, p.SubjectKind, p.Subject.ApplicantName, p.ReviewDate, p.Status, p.Result)).ToPagedListAsync(page, ct: ct));
    }
}
