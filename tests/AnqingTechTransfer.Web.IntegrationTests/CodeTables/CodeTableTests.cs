using System.Net;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.CodeTables;

public class CodeTableTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Code_tables_are_seeded_from_the_domain_rules()
    {
        var fields = await fx.WithDbAsync((_, sp) => sp.GetRequiredService<CodeTableLookupHandler>().ActiveAsync(CodeTableCatalog.TechnicalField, CancellationToken.None));
        fields.Should().HaveCount(11);
        fields.Select(f => f.Name).Should().Contain("新能源与高效节能");
    }

    [Fact]
    public async Task A_retired_entry_leaves_the_forms_but_keeps_its_name_for_saved_records()
    {
        var admin = await fx.As("bureau.admin");
        var entry = await fx.WithDbAsync((db, _) => db.CodeEntries.AsNoTracking().SingleAsync(c => c.Table == CodeTableCatalog.IpType && c.Code == "08"));
        await admin.PostFormAsync($"/admin/code-tables/entries/{entry.Id}/retire", new() { ["version"] = entry.Version.ToString() });

        var (active, names) = await fx.WithDbAsync(async (_, sp) =>
        {
            var lookup = sp.GetRequiredService<CodeTableLookupHandler>();
            return (await lookup.ActiveAsync(CodeTableCatalog.IpType, CancellationToken.None), await lookup.NamesAsync(CodeTableCatalog.IpType, CancellationToken.None));
        });
        active.Select(a => a.Code).Should().NotContain("08");
        names["08"].Should().Be("生物医药新品种");
    }

    [Fact]
    public async Task A_stale_edit_is_detected_and_does_not_overwrite_the_newer_one()
    {
        var admin = await fx.As("bureau.admin");
        var entry = await fx.WithDbAsync((db, _) => db.CodeEntries.AsNoTracking().SingleAsync(c => c.Table == CodeTableCatalog.PlanSource && c.Code == "08"));
        await admin.PostFormAsync($"/admin/code-tables/entries/{entry.Id}", new() { ["Code"] = "08", ["Name"] = "计划外项目", ["SortOrder"] = "80", ["Version"] = entry.Version.ToString() });
        var stale = await admin.PostFormAsync($"/admin/code-tables/entries/{entry.Id}", new() { ["Code"] = "08", ["Name"] = "旧页面的修改", ["SortOrder"] = "80", ["Version"] = entry.Version.ToString() });

        stale.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.CodeEntries.Where(c => c.Id == entry.Id).Select(c => c.Name).SingleAsync())).Should().Be("计划外项目");
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_next_to_the_field()
    {
        var admin = await fx.As("bureau.admin");
        var response = await admin.PostFormAsync($"/admin/code-tables/{CodeTableCatalog.TechnicalField}", new() { ["NewEntry.Code"] = "01", ["NewEntry.Name"] = "重复", ["NewEntry.SortOrder"] = "5" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='NewEntry.Code']")!.TextContent.Should().Contain("已存在");
    }
}
