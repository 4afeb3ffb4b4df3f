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
        var (contracts, organizations) = await LoadAsync(fx);
        contracts.Should().HaveCountGreaterThan(200);
        Check(contracts, organizations);

        var agencyFiled = contracts.Where(c => c.SellerOrganizationId != c.FilerOrganizationId && !c.IsTechnologyImport).ToList();
        agencyFiled.Select(c => c.Status).Distinct().Should().HaveCountGreaterThanOrEqualTo(3, "agency filings in several states");
        var imports = contracts.Where(c => c.IsTechnologyImport).ToList();
        imports.Should().OnlyContain(c => c.FilerOrganizationId == c.BuyerOrganizationId && c.SellerRegionCode == null);
        imports.Select(c => c.Status).Distinct().Should().HaveCountGreaterThanOrEqualTo(3, "buyer-filed imports in several states");
    }

    internal static Task<(List<TechContract> Contracts, Dictionary<Guid, Organization> Organizations)> LoadAsync(PortalFixture fx) =>
        fx.WithDbAsync(async (db, _) => (
            await db.TechContracts.AsNoTracking().Where(c => !c.IsImported).ToListAsync(),
            await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id)));

    /// <summary>Each party linked to an organization carries its credit code and county; an unlinked one is not on the portal; only an agency files for another.</summary>
    internal static void Check(List<TechContract> contracts, Dictionary<Guid, Organization> organizations)
    {
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

            c.DeclaredTechAmount.Should().Be(c.ContractAmount - c.Deductions.Sum(d => d.Amount), c.ProjectName);
            c.TechAmount.Should().Be(c.ContractAmount - (c.AssessedDeductions?.Sum(d => d.Amount) ?? c.Deductions.Sum(d => d.Amount)), c.ProjectName);
        }
    }
}

/// <summary>The same data check over the city-scale generator's contracts (scripts/seed-scale.sh, the benchmarks' data).</summary>
public class GeneratedContractDataTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_generators_contracts_agree_with_their_credit_codes_and_their_figures_with_the_summary()
    {
        var before = await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync());
        var dsn = new Npgsql.NpgsqlConnectionStringBuilder(fx.ConnectionString);
        var script = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash",
            ["scripts/seed-scale.sh", "--dsn", $"host={dsn.Host} port={dsn.Port} dbname={dsn.Database} user={dsn.Username}", "--contracts", "3000", "--contracts-only"])
        {
            WorkingDirectory = Repository.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await script.StandardOutput.ReadToEndAsync() + await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        script.ExitCode.Should().Be(0, output);

        var (contracts, organizations) = await ContractAttributionDataTests.LoadAsync(fx);
        contracts.Count.Should().Be(before + 3000 - await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.IsImported)));
        ContractAttributionDataTests.Check(contracts, organizations);
        var (summary, registered) = await fx.WithDbAsync(async (db, _) => (
            await db.ContractMonthTotals.SumAsync(t => t.ContractAmount),
            await db.TechContracts.Where(c => c.Status == ContractStatus.Registered).SumAsync(c => c.ContractAmount)));
        summary.Should().Be(registered, "the month summary holds exactly the registered contracts' 成交额");
    }
}
