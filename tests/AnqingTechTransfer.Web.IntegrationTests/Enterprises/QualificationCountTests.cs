using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Enterprises;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Enterprises;

public class QualificationCountTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Code(int n) => CreditCode.Complete($"91340822MA2U{n:D5}");

    [Fact]
    public async Task Database_counts_by_county_follow_the_domain_counting_rules()
    {
        var random = new Random(4);
        var regions = new[] { "340822", "340882", "3408GX" };
        var certificates = Enumerable.Range(0, 120).Select(i => HighTechRecord.Create(Code(i % 70), $"企业{i % 70}", regions[i % 70 % 3], null,
            $"GR{2019 + i % 7}34{i:D6}", new DateOnly(2019 + i % 7, 1 + random.Next(12), 1 + random.Next(28)), HighTechMode.Recognition, "04",
            i % 10 == 0 ? QualificationSource.Entered : QualificationSource.Imported, Now)).ToList();
        var smes = Enumerable.Range(0, 90).Select(i => TechSmeRecord.Create(Code(i % 60), $"企业{i % 60}", regions[i % 60 % 3], null,
            2021 + (i + i / 60) % 5, $"{2021 + (i + i / 60) % 5}3408{i:D8}", QualificationSource.Imported, Now)).ToList();
        await fx.WithDbAsync(async (db, _) =>
        {
            db.HighTechRecords.AddRange(certificates);
            db.TechSmeRecords.AddRange(smes);
            await db.SaveChangesAsync();
        });

        foreach (var year in new[] { 2021, 2023, 2025 })
        {
            var counted = await fx.WithDbAsync((_, sp) => sp.GetRequiredService<QualificationCountHandler>().HighTechByRegionAsync(year, CancellationToken.None));
            var smeCounted = await fx.WithDbAsync((_, sp) => sp.GetRequiredService<QualificationCountHandler>().TechSmesByRegionAsync(year, CancellationToken.None));
            // Every record in the database (the demo's too), counted by hand with the domain rules.
            var allCertificates = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().ToListAsync());
            var allSmes = await fx.WithDbAsync((db, _) => db.TechSmeRecords.AsNoTracking().ToListAsync());
            foreach (var region in allCertificates.Select(c => c.RegionCode).Distinct())
            {
                var confirmed = allCertificates.Where(c => c.RegionCode == region && c.Confirmation == Confirmation.Confirmed).Select(c => c.Certificate);
                counted.GetValueOrDefault(region).Should().Be(QualificationCounting.HighTechEnterprises(confirmed, year), $"{region} {year}");
                var registrations = allSmes.Where(r => r.RegionCode == region && r.Confirmation == Confirmation.Confirmed).Select(r => r.Registration);
                smeCounted.GetValueOrDefault(region).Should().Be(QualificationCounting.TechSmes(registrations, year), $"{region} {year}");
            }
        }

        certificates.Should().Contain(c => c.Confirmation == Confirmation.Pending, "entered records wait for confirmation and do not count");
    }

    [Fact]
    public async Task A_county_counts_only_its_own_enterprises()
    {
        await fx.WithDbAsync(async (db, _) =>
        {
            db.HighTechRecords.Add(HighTechRecord.Create(Code(900), "怀宁企业", "340822", null, "GR202434000900", new DateOnly(2024, 6, 1), HighTechMode.Filing, "02", QualificationSource.Imported, Now));
            db.HighTechRecords.Add(HighTechRecord.Create(Code(901), "潜山企业", "340882", null, "GR202434000901", new DateOnly(2024, 6, 1), HighTechMode.Recognition, "02", QualificationSource.Imported, Now));
            await db.SaveChangesAsync();
        });

        // As county.huaining: the tenant filter is what limits the count.
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var principal = await fx.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Data.PortalUser>>();
            return await users.CreateUserPrincipalAsync(await db.Users.SingleAsync(u => u.UserName == "county.huaining"));
        });
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        var counts = await scope.ServiceProvider.GetRequiredService<QualificationCountHandler>().HighTechByRegionAsync(2025, CancellationToken.None);
        counts.Keys.Should().OnlyContain(k => k == "340822");
        counts["340822"].Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Entered_records_carry_format_warnings_and_wait_for_confirmation()
    {
        var record = HighTechRecord.Create(Code(950), "测试企业", "340822", Guid.NewGuid(), "gr2022340009", new DateOnly(2021, 12, 1), HighTechMode.Recognition, "01", QualificationSource.Entered, Now);
        record.Confirmation.Should().Be(Confirmation.Pending);
        record.Warning.Should().Contain("格式");
        record.Confirm();
        record.Confirmation.Should().Be(Confirmation.Confirmed);
        var again = () => record.Reject();
        again.Should().Throw<Domain.DomainException>();
    }
}
