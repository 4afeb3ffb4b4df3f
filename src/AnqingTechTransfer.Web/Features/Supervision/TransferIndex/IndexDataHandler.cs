using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

/// <summary>
/// The raw values of every index indicator for a period, by county or park and for the city: one grouped query per module,
/// whatever the number of records. Run as the bureau (city scope); the public only ever reads published values.
/// </summary>
public class IndexDataHandler(PortalDbContext db) : IUseCase
{
    /// <summary>The index of a period by the method: its values, and for the baseline method those of the baseline year too.</summary>
    public async Task<IReadOnlyList<IndexRow>> ComputeAsync(IndexPeriod period, IndexMethod method, CancellationToken ct)
    {
        var values = await LoadAsync(period, ct);
        var baseline = method.Normalisation == IndexNormalisation.Baseline ? await LoadAsync(period.In(IndexMethod.BaselineYear), ct)
            : new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        return IndexCalculator.Compute(method, values, baseline);
    }

    public async Task<Dictionary<string, IReadOnlyDictionary<string, decimal>>> LoadAsync(IndexPeriod period, CancellationToken ct)
    {
        var values = AnqingRegions.All.ToDictionary(r => r.Code, _ => new Dictionary<string, decimal>());
        void Add(string? region, string key, decimal value)
        {
            if (region is not null && values.TryGetValue(region, out var row))
            {
                row[key] = row.GetValueOrDefault(key) + value;
            }
        }

        void AddRegion(string region, string key, decimal value)
        {
            if (region != AnqingRegions.City)
            {
                Add(region, key, value);
            }
        }

        // The city counts every record, those of the city itself (no county or park) included.
        void AddBoth(string region, string key, decimal value)
        {
            AddRegion(region, key, value);
            Add(AnqingRegions.City, key, value);
        }

        var (start, end) = (period.Starts, period.Ends);
        var from = Display.StartOf(start);
        var until = Display.StartOf(end.AddDays(1));
        var city = AnqingRegions.City;

        var contracts = await db.ContractMonthTotals.AsNoTracking().Where(t => t.Month >= start && t.Month <= end && (t.Contracts != 0 || t.ContractAmount != 0 || t.TechAmount != 0))
            .GroupBy(t => new { t.SellerRegionCode, t.BuyerRegionCode, t.IsImported })
            .Select(g => new { g.Key.SellerRegionCode, g.Key.BuyerRegionCode, g.Key.IsImported, Contracts = g.Sum(t => t.Contracts), Amount = g.Sum(t => t.ContractAmount) })
            .ToListAsync(ct);
        foreach (var c in contracts)
        {
            AddRegion(c.BuyerRegionCode, "absorbed_amount", c.Amount);
            Add(city, "absorbed_amount", c.BuyerRegionCode.Length > 0 ? c.Amount : 0);
            if (c.IsImported)
            {
                continue; // registered elsewhere: 吸纳 only (issue 22)
            }

            AddRegion(c.SellerRegionCode, "output_amount", c.Amount);
            AddRegion(c.SellerRegionCode, "registered_contracts", c.Contracts);
            if (c.BuyerRegionCode != c.SellerRegionCode)
            {
                AddRegion(c.BuyerRegionCode, "registered_contracts", c.Contracts);
            }

            Add(city, "output_amount", c.SellerRegionCode.Length > 0 ? c.Amount : 0);
            Add(city, "registered_contracts", c.Contracts);
        }

        var year = period.Year;
        foreach (var q in await db.QualificationYearCounts.AsNoTracking().Where(q => q.Year == year).ToListAsync(ct))
        {
            AddRegion(q.RegionCode, "high_tech", q.HighTech);
            AddRegion(q.RegionCode, "tech_sme", q.TechSme);
            Add(city, "high_tech", q.HighTech);
            Add(city, "tech_sme", q.TechSme);
        }

        foreach (var c in await db.Carriers.AsNoTracking().Where(c => c.Status == CarrierStatus.Recognised && c.RecognitionYear <= year)
                     .GroupBy(c => c.RegionCode).Select(g => new { Region = g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            AddBoth(c.Region, "carriers", c.Count);
        }

        var pilots = await db.ServiceRequests.AsNoTracking().Where(r => r.Status == ServiceRequestStatus.Completed && r.CompletedAt >= from && r.CompletedAt < until)
            .Join(db.PilotServices.AsNoTracking(), r => r.ServiceId, s => s.Id, (r, s) => s.RegionCode)
            .GroupBy(region => region).Select(g => new { Region = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var p in pilots)
        {
            AddBoth(p.Region, "pilot_runs", p.Count);
        }

        foreach (var l in await db.LoanApplications.AsNoTracking().Where(l => l.DisbursedOn >= start && l.DisbursedOn <= end)
                     .GroupBy(l => l.RegionCode).Select(g => new { Region = g.Key, Amount = g.Sum(l => l.ApprovedAmount ?? 0) }).ToListAsync(ct))
        {
            AddBoth(l.Region, "tech_loans", l.Amount);
        }

        var solved = await db.DockingRequests.AsNoTracking().Where(d => d.ContractId != null)
            .Join(db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < until),
                d => d.ContractId, c => c.Id, (d, c) => d.NeedId)
            .Join(db.TechNeeds.AsNoTracking(), id => id, n => n.Id, (id, n) => new { n.Id, n.RegionCode }).Distinct()
            .GroupBy(n => n.RegionCode).Select(g => new { Region = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var s in solved)
        {
            AddBoth(s.Region, "needs_solved", s.Count);
        }

        return values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, decimal>)v.Value);
    }
}
