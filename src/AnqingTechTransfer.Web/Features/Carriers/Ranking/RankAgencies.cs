using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Carriers.Ranking;

public sealed record RankingView(int Year, RankingPublication? Published, IReadOnlyList<RankedAgency>? Preview, IReadOnlyList<string> Indicators, bool IsBureau);

/// <summary>
/// 技术转移机构年度排名: the deals each agency brokered whose buyer is in Anqing, from registered and imported contracts of the
/// year, with the extra indicators of its yearly report; the bureau previews and confirms it, and the confirmed ranking is
/// public. Null (or false) for a year no ranking can exist for.
/// </summary>
public class RankAgenciesHandler(PortalDbContext db, ICurrentActor actor, IOptions<RankingOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<RankingView?> PageAsync(int? year, bool decides, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year - 1;
        if (!RankingYears.IsRankingYear(y))
        {
            return null;
        }

        var published = await db.RankingPublications.AsNoTracking().Where(r => r.Year == y).OrderByDescending(r => r.ConfirmedAt).FirstOrDefaultAsync(ct);
        return new RankingView(y, published, decides ? await ComputeAsync(y, ct) : null, options.Value.Effective, decides);
    }

    public async Task<RecordResult<int>> ConfirmAsync(int year, bool decides, CancellationToken ct)
    {
        if (!RankingYears.IsRankingYear(year))
        {
            return RecordResult<int>.NotFound;
        }

        if (!decides)
        {
            return RecordResult<int>.Forbidden;
        }

        db.RankingPublications.Add(RankingPublication.Confirm(year, options.Value.Effective, await ComputeAsync(year, ct), actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<int>.Done(year);
    }

    /// <summary>The live ranking of a year: every agency on the register, its brokered contracts and its report's extra indicators.</summary>
    private async Task<IReadOnlyList<RankedAgency>> ComputeAsync(int year, CancellationToken ct)
    {
        var agencies = await db.Carriers.AsNoTracking().Where(c => c.Type == CarrierType.TransferAgency && c.Status != CarrierStatus.Revoked).ToListAsync(ct);
        var anqing = AnqingRegions.All.Select(r => r.Code).ToList();
        // One pass over the year's brokered contracts (status and registration date are indexed), attributed in memory.
        var (from, to) = RankingYears.Year(year);
        var brokered = await db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < to && (c.BrokerOrganizationId != null || c.BrokerName != null))
            .Select(c => new { c.BrokerOrganizationId, c.BrokerName, c.ContractAmount, c.BuyerRegionCode }).ToListAsync(ct);
        var deals = agencies.SelectMany(a => brokered
            .Where(c => (a.OrganizationId != Guid.Empty && c.BrokerOrganizationId == a.OrganizationId) || (c.BrokerName is { } n && (n == a.Name || n == a.HostName)))
            .Select(c => new BrokeredDeal(a.Id, c.ContractAmount, c.BuyerRegionCode != null && anqing.Contains(c.BuyerRegionCode)))).ToList();

        var ids = agencies.Select(a => a.Id).ToList();
        var reports = await db.PerformanceReports.AsNoTracking().Where(r => ids.Contains(r.CarrierId) && r.Year == year).ToListAsync(ct);
        var indicators = options.Value.Effective;
        var extra = reports.ToDictionary(r => r.CarrierId,
            r => (IReadOnlyList<decimal>)indicators.Select(name => r.Indicators.FirstOrDefault(i => i.Name == name)?.Value ?? 0m).ToList());
        return AgencyRanking.Rank(agencies.Select(a => (a.Id, a.Name)), deals, extra, indicators.Count);
    }
}
