using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Ranking;

public sealed record DealRow(Guid Id, string RegistrationNumber, string ProjectName, string BuyerName, string? BuyerRegionCode, decimal Amount, DateTimeOffset? RegisteredAt,
    bool IsImported, bool Counted);

public sealed record AgencyDealsPage(string Agency, int Year, IReadOnlyList<DealRow> Deals);

/// <summary>The contracts behind an agency's figures, for the bureau and the agency itself.</summary>
public class AgencyDealsHandler(PortalDbContext db, CarrierPermissions permissions) : IUseCase
{
    public async Task<RecordResult<AgencyDealsPage>> HandleAsync(int year, Guid id, CancellationToken ct)
    {
        var agency = RankingYears.IsRankingYear(year)
            ? await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Type == CarrierType.TransferAgency, ct)
            : null;
        if (agency is null)
        {
            return RecordResult<AgencyDealsPage>.NotFound;
        }

        if (!permissions.Allows(CarrierPermissions.SeeDeals, agency))
        {
            return RecordResult<AgencyDealsPage>.Forbidden;
        }

        var anqing = AnqingRegions.All.Select(r => r.Code).ToList();
        var deals = await db.TechContracts.AsNoTracking().Brokered(agency, year).OrderByDescending(c => c.RegisteredAt)
            .Select(c => new DealRow(c.Id, c.RegistrationNumber!, c.ProjectName, c.Buyer.Name, c.BuyerRegionCode, c.ContractAmount, c.RegisteredAt, c.IsImported,
                c.BuyerRegionCode != null && anqing.Contains(c.BuyerRegionCode)))
            .Take(1000).ToListAsync(ct);
        return RecordResult<AgencyDealsPage>.Done(new AgencyDealsPage(agency.Name, year, deals));
    }
}
