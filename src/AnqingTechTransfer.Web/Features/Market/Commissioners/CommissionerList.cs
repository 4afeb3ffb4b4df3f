using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

public sealed record CommissionerRow(Guid Id, CommissionerKind Kind, string Name, string Employer, string Serves, string RegionCode, int Assignments, int Logs);

/// <summary>A kind's count against its number: the city's for the city, the region's own share for a region (none yet: <paramref name="AwaitingSplit"/>).</summary>
public sealed record KindCount(CommissionerKind Kind, int Count, int? Target, int Logs, bool AwaitingSplit = false);

/// <summary>The list; <paramref name="Split"/> is the city's split with every region's count, for the readers of the city's figures.</summary>
public sealed record CommissionersView(int Year, CommissionerKind? Kind, PagedList<CommissionerRow> Rows, IReadOnlyList<KindCount> Counts, bool CanRegister,
    string Scope, CommissionerSplit? Split, bool CanSetTargets);

/// <summary>
/// The commissioners of a year the user reads (the tenant filter gives a municipal department the city's), with the
/// yearly counts and service logs per kind: the city's against the plan's numbers with the bureau's split per region, a
/// county's or park's against its own share of them.
/// </summary>
public sealed class CommissionerListHandler(PortalDbContext db, ICurrentActor actor, CommissionerPermissions permissions, CommissionerTargetsHandler targets,
    TimeProvider clock) : IUseCase
{
    public async Task<CommissionersView> HandleAsync(int? year, CommissionerKind? kind, int page, CancellationToken ct)
    {
        await permissions.LoadAsync(ct);
        var y = year ?? Display.Today(clock).Year;
        var ofYear = db.Commissioners.AsNoTracking().Where(c => c.Year == y);
        var city = permissions.ReadsCity;
        var region = actor.RegionCode;
        if (!city)
        {
            ofYear = ofYear.Where(c => c.RegionCode == region);
        }

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
        var split = await targets.SplitAsync(y, ct);
        var own = split.Rows.SingleOrDefault(r => r.RegionCode == region);
        var kinds = Enum.GetValues<CommissionerKind>().Select(k =>
        {
            var count = counts.SingleOrDefault(c => c.Key == k)?.Count ?? 0;
            if (city || Commissioner.YearTarget(k) is null)
            {
                return new KindCount(k, count, Commissioner.YearTarget(k), logs.GetValueOrDefault(k));
            }

            var share = own?.Targets[k];
            return new KindCount(k, count, share, logs.GetValueOrDefault(k), AwaitingSplit: share is null);
        }).ToList();
        return new CommissionersView(y, kind, page1, kinds, permissions.MayRegister, city ? "全市" : AnqingRegions.NameOf(region), city ? split : null,
            permissions.MaySetTargets);
    }
}
