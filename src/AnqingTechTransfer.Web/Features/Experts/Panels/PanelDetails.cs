using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

public sealed record SeatView(PanelMember Member, string? ExpertName, string? Employer);

/// <summary>A panel's page: the panel, the seats this user may see, whether they recused, the names behind the draw's exclusions,
/// conflicts found since the draw, and the technical fields offered to the draw form.</summary>
public sealed record PanelView(ReviewPanel Panel, IReadOnlyList<SeatView> Seats, bool Recused, IReadOnlyDictionary<Guid, string> PoolNames,
    IReadOnlyList<Conflict> NewConflicts, IReadOnlyList<CodeOption> Fields);

/// <summary>
/// Shows a panel to the bureau. Who sits on it is read only through the seats' tenant filter: a bureau user who recused,
/// and the applicant, see no names before publicity (here and in the export, which reads the same seats).
/// </summary>
public sealed class PanelDetailsHandler(PortalDbContext db, PanelPermissions permissions, PanelConflicts conflicts, CodeTableLookupHandler codes,
    TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<PanelView>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct) is not { } panel)
        {
            return RecordResult<PanelView>.NotFound;
        }

        if (!permissions.ManagesPanels)
        {
            return RecordResult<PanelView>.Forbidden;
        }

        var fields = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        return RecordResult<PanelView>.Done(await ViewAsync(panel, fields, ct));
    }

    /// <summary>The seats this user may see (the filter decides) with the names of the experts on them.</summary>
    public async Task<PanelView> ViewAsync(ReviewPanel panel, IReadOnlyList<CodeOption> fields, CancellationToken ct)
    {
        var panelId = panel.Id;
        var seats = await db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panelId).OrderBy(m => m.Order).ToListAsync(ct);
        var expertIds = seats.Select(s => s.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var recused = permissions.HasRecused(panel);
        // Conflicts are recomputed from today's data on every view of a panel under review, not only at the draw.
        var sitting = seats.Where(s => s.IsActive).Select(s => s.ExpertId).ToHashSet();
        var newConflicts = panel.Status == PanelStatus.Drawn && !recused
            ? await conflicts.ConflictsAsync(panel.Subject, experts.Values.Where(e => sitting.Contains(e.Id)).ToList(), Display.Today(clock), ct)
            : [];
        return new PanelView(panel, seats.Select(s => new SeatView(s, experts.GetValueOrDefault(s.ExpertId)?.Name, experts.GetValueOrDefault(s.ExpertId)?.Profile.EmployerName)).ToList(),
            recused, recused ? new Dictionary<Guid, string>() : await PoolNamesAsync(panel, ct), newConflicts, fields);
    }

    /// <summary>The names behind the draw record's exclusions, for the bureau user who may see the panel.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> PoolNamesAsync(ReviewPanel panel, CancellationToken ct)
    {
        var excluded = panel.Draw?.Result.Exclusions.Select(x => x.ExpertId).Distinct().ToList() ?? [];
        return await db.Experts.AsNoTracking().Where(e => excluded.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }
}
