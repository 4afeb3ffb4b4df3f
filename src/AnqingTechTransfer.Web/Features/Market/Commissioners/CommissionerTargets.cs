using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

/// <summary>One region's row of the split: its number and its registered commissioners per kind.</summary>
public sealed record SplitRow(string RegionCode, string RegionName, IReadOnlyDictionary<CommissionerKind, int?> Targets, IReadOnlyDictionary<CommissionerKind, int> Counts);

/// <summary>The split of a year: the city's number per kind, the rows, and whether it is set.</summary>
public sealed record CommissionerSplit(int Year, IReadOnlyList<CommissionerKind> Kinds, IReadOnlyList<SplitRow> Rows)
{
    public int CityTarget(CommissionerKind kind) => Commissioner.YearTarget(kind) ?? 0;

    public bool IsSet(CommissionerKind kind) => Rows.Any(r => r.Targets[kind] is not null);

    public int Count(CommissionerKind kind) => Rows.Sum(r => r.Counts[kind]);

    public int? SplitSum(CommissionerKind kind) => IsSet(kind) ? Rows.Sum(r => r.Targets[kind] ?? 0) : null;

    /// <summary>The form's field of a cell: <c>Values[DualChain-340822]</c>.</summary>
    public static string Key(CommissionerKind kind, string regionCode) => $"{kind}-{regionCode}";
}

/// <summary>The bureau's form: a number per kind and region, as typed (checked by the handler, shown again when wrong).</summary>
public sealed class CommissionerSplitForm
{
    public int Year { get; set; }

    public Dictionary<string, string?> Values { get; set; } = [];
}

/// <summary>The split form's page: the split as stored (or as typed, when it came back with errors).</summary>
public sealed record CommissionerSplitPage(CommissionerSplit Split, CommissionerSplitForm Form);

/// <summary>
/// The per-region yearly numbers of commissioners. The bureau splits the city's number (双链融合专员 30, 工业互联网服务专员 10)
/// over 市本级, the counties and districts and the parks, adding up to it; each region then stands against its own number
/// (the list's cards), and the city reads the sum and the split with every region's count.
/// </summary>
public sealed class CommissionerTargetsHandler(PortalDbContext db, ICurrentActor actor, CommissionerPermissions permissions, TimeProvider clock) : IUseCase
{
    /// <summary>The split of a year with every region's count (the counts the reader's tenant filter lets it see).</summary>
    public async Task<CommissionerSplit> SplitAsync(int year, CancellationToken ct)
    {
        var kinds = CommissionerTarget.SplitKinds;
        var targets = await db.CommissionerTargets.AsNoTracking().Where(t => t.Year == year).Select(t => new { t.Kind, t.RegionCode, t.Target }).ToListAsync(ct);
        var counts = await db.Commissioners.AsNoTracking().Where(c => c.Year == year && kinds.Contains(c.Kind))
            .GroupBy(c => new { c.RegionCode, c.Kind }).Select(g => new { g.Key.RegionCode, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var rows = AnqingRegions.All.Select(r => new SplitRow(r.Code, r.Code == AnqingRegions.City ? "市本级" : r.Name,
            kinds.ToDictionary(k => k, k => targets.FirstOrDefault(t => t.Kind == k && t.RegionCode == r.Code)?.Target),
            kinds.ToDictionary(k => k, k => counts.FirstOrDefault(c => c.Kind == k && c.RegionCode == r.Code)?.Count ?? 0))).ToList();
        return new CommissionerSplit(year, kinds, rows);
    }

    /// <summary>The form with the stored split (null when the user does not set it).</summary>
    public async Task<CommissionerSplitPage?> FormAsync(int? year, CancellationToken ct)
    {
        if (!permissions.MaySetTargets)
        {
            return null;
        }

        var split = await SplitAsync(year ?? Display.Today(clock).Year, ct);
        var form = new CommissionerSplitForm
        {
            Year = split.Year,
            Values = split.Rows.SelectMany(r => split.Kinds.Select(k => (Key: CommissionerSplit.Key(k, r.RegionCode), Value: r.Targets[k]?.ToString())))
                .ToDictionary(x => x.Key, x => x.Value),
        };
        return new CommissionerSplitPage(split, form);
    }

    /// <summary>
    /// Saves every kind's split of the year at once, replacing the stored one. A cell that is not a whole number is named
    /// next to it; a column that does not add up to the city's number is named under its heading; nothing is saved then.
    /// </summary>
    public async Task<RecordResult<CommissionerSplitPage>> SaveAsync(CommissionerSplitForm form, CancellationToken ct)
    {
        if (!permissions.MaySetTargets)
        {
            return RecordResult<CommissionerSplitPage>.Forbidden;
        }

        form.Values ??= [];
        var errors = new List<FieldError>();
        var now = clock.GetUtcNow();
        var rows = new List<CommissionerTarget>();
        foreach (var kind in CommissionerTarget.SplitKinds)
        {
            var byRegion = new Dictionary<string, int>();
            foreach (var region in AnqingRegions.All)
            {
                var key = CommissionerSplit.Key(kind, region.Code);
                var typed = form.Values.GetValueOrDefault(key)?.Trim();
                if (string.IsNullOrEmpty(typed))
                {
                    byRegion[region.Code] = 0;
                }
                else if (int.TryParse(typed, out var n) && n is >= 0 and <= 1000)
                {
                    byRegion[region.Code] = n;
                }
                else
                {
                    errors.Add(new FieldError($"Values[{key}]", "请填写0至1000之间的整数"));
                }
            }

            if (errors.Count == 0)
            {
                var split = FieldErrors.Try(() => CommissionerTarget.Split(form.Year, kind, byRegion, actor.UserId, now));
                if (split.Succeeded)
                {
                    rows.AddRange(split.Value!);
                }
                else
                {
                    errors.AddRange(split.Errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            return RecordResult<CommissionerSplitPage>.Invalid(errors, new CommissionerSplitPage(await SplitAsync(form.Year is >= 2021 and <= 2035 ? form.Year : Display.Today(clock).Year, ct), form));
        }

        // The old split goes and the new one comes in one SaveChanges (one transaction).
        db.CommissionerTargets.RemoveRange(await db.CommissionerTargets.Where(t => t.Year == form.Year).ToListAsync(ct));
        db.CommissionerTargets.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return RecordResult<CommissionerSplitPage>.Done(new CommissionerSplitPage(await SplitAsync(form.Year, ct), form));
    }
}
