using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

public sealed record CommissionerRow(Guid Id, CommissionerKind Kind, string Name, string Employer, string Serves, string RegionCode, int Assignments, int Logs);

public sealed record KindCount(CommissionerKind Kind, int Count, int? Target, int Logs);

public sealed record CommissionersView(int Year, CommissionerKind? Kind, PagedList<CommissionerRow> Rows, IReadOnlyList<KindCount> Counts, bool CanRegister);

/// <summary>
/// The commissioners of a year the user reads (the tenant filter gives a municipal department the city's), with the
/// yearly counts and service logs per kind against the plan's numbers.
/// </summary>
public sealed class CommissionerListHandler(PortalDbContext db, CommissionerPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommissionersView> HandleAsync(int? year, CommissionerKind? kind, int page, CancellationToken ct)
    {
        await permissions.LoadAsync(ct);
        var y = year ?? Display.Today(clock).Year;
        var ofYear = db.Commissioners.AsNoTracking().Where(c => c.Year == y);
        var counts = await ofYear.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var logs = (await ofYear.Select(c => new { c.Kind, c.Logs }).ToListAsync(ct)).GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Logs.Count));
        var rows = ofYear;
        if (kind is { } k)
        {
            rows = rows.Where(c => c.Kind == k);
        }

        // Assignments and logs are JSON documents: the page is loaded, then counted.
        var loaded = await rows.OrderBy(c => c.Kind).ThenBy(c => c.Name).ThenBy(c => c.Id).ToPagedListAsync(page, ct: ct);
        var page1 = loaded.Map(c => new CommissionerRow(c.Id, c.Kind, c.Name, c.Employer, c.Serves, c.RegionCode, c.Assignments.Count, c.Logs.Count));
        return new CommissionersView(y, kind, page1,
            Enum.GetValues<CommissionerKind>().Select(k => new KindCount(k, counts.SingleOrDefault(c => c.Key == k)?.Count ?? 0, Commissioner.YearTarget(k),
                logs.GetValueOrDefault(k))).ToList(), permissions.MayRegister);
    }
}
