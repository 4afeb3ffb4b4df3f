using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

public class DataModelTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_migrations_match_the_model_and_use_snake_case_names()
    {
        (await fx.WithDbAsync((db, _) => Task.FromResult(db.Database.HasPendingModelChanges()))).Should().BeFalse("a model change needs its migration");
        var tables = await fx.WithDbAsync((db, _) => db.Database
            .SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync());
        tables.Should().Contain(["asp_net_users", "organizations", "audit_entries", "data_protection_keys", "code_entries"]);
        tables.Should().OnlyContain(t => t == t.ToLowerInvariant() || t == "__EFMigrationsHistory");
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_instances_share_them()
    {
        (await fx.Anonymous().GetAsync("/account/login")).EnsureSuccessStatusCode(); // an antiforgery token needs the key ring
        (await fx.WithDbAsync((db, _) => db.DataProtectionKeys.CountAsync())).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Anqing_regions_are_seeded_with_their_codes()
    {
        var regions = await fx.WithDbAsync((db, _) => db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync());
        regions.Should().HaveCount(13);
        regions.Where(r => r.Kind == RegionKind.County).Select(r => r.Code).Should()
            .Equal("340802", "340803", "340811", "340822", "340825", "340826", "340827", "340828", "340881", "340882");
        regions.Where(r => r.Kind == RegionKind.Park).Select(r => r.Name).Should().Equal("安庆经开区", "安庆高新区");
        regions.Single(r => r.Code == "340871").Name.Should().Be("安庆经开区");
    }
}
