using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>
/// Issue 22 §1, a data check over the demo data: every contract's seller and buyer organizations and counties agree with the
/// credit codes on the form, and the demo shows agency filings and buyer-filed technology imports in several states.
/// </summary>
public class ContractAttributionDataTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_contracts_parties_organizations_and_regions_match_their_credit_codes()
    {
        var (contracts, organizations) = await fx.WithDbAsync(async (db, _) => (
            await db.TechContracts.AsNoTracking().Where(c => !c.IsImported).ToListAsync(),
            await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id)));
        contracts.Should().HaveCountGreaterThan(200);
        var byCode = organizations.Values.Where(o => o.Status == OrganizationStatus.Active).ToDictionary(o => o.CreditCode);
        var counties = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => r.Code).ToHashSet();

        foreach (var c in contracts)
        {
            foreach (var (party, orgId, region, side) in new[] { (c.Seller, c.SellerOrganizationId, c.SellerRegionCode, "seller"), (c.Buyer, c.BuyerOrganizationId, c.BuyerRegionCode, "buyer") })
            {
                var because = $"{c.ProjectName}: {side}";
                if (orgId is { } id)
                {
                    organizations[id].CreditCode.Should().Be(party.CreditCode, because);
                    region.Should().Be(organizations[id].RegionCode, because);
                }
                else
                {
                    byCode.ContainsKey(party.CreditCode).Should().BeFalse(because + " is on the portal and must be linked");
                    if (region is not null)
                    {
                        counties.Should().Contain(region, because);
                    }
                }
            }

            var filer = organizations[c.FilerOrganizationId];
            var filingSide = c.IsTechnologyImport ? c.BuyerOrganizationId : c.SellerOrganizationId;
            if (filingSide != filer.Id)
            {
                filer.Kind.Should().BeOneOf([OrganizationKind.TransferAgency, OrganizationKind.ServiceAgency], $"{c.ProjectName}: only an agency files for another");
                c.BrokerOrganizationId.Should().Be(filer.Id, $"{c.ProjectName}: the agency that files is named as the broker");
            }
        }

        var agencyFiled = contracts.Where(c => c.SellerOrganizationId != c.FilerOrganizationId && !c.IsTechnologyImport).ToList();
        agencyFiled.Select(c => c.Status).Distinct().Should().HaveCountGreaterThanOrEqualTo(3, "agency filings in several states");
        var imports = contracts.Where(c => c.IsTechnologyImport).ToList();
        imports.Should().OnlyContain(c => c.FilerOrganizationId == c.BuyerOrganizationId && c.SellerRegionCode == null);
        imports.Select(c => c.Status).Distinct().Should().HaveCountGreaterThanOrEqualTo(3, "buyer-filed imports in several states");
    }
}
