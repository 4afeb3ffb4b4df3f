using System.Net;
using System.Text;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AnqingTechTransfer.Web.IntegrationTests.Enterprises;

public class QualificationImportTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "wwwroot", "samples", name));

    private async Task<IHtmlDocument> ImportAsync(string list, byte[] content, string name = "名单.csv")
    {
        var bureau = await fx.As("bureau");
        // The import runs as a background job; its page at /imports/{id} shows the result.
        var (response, page, _) = await fx.ImportAsync(bureau, "/enterprises/import", new() { ["list"] = list }, ("file", name, content));
        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
        return page;
    }

    private Task<int> YearCountAsync(string region, int year) => fx.WithDbAsync((db, _) =>
        db.QualificationYearCounts.Where(c => c.RegionCode == region && c.Year == year).Select(c => c.HighTech).SingleOrDefaultAsync());

    [Fact]
    public async Task The_high_tech_list_imports_counts_at_once_and_importing_it_again_changes_nothing()
    {
        var before = await YearCountAsync("340822", 2025);
        var first = await ImportAsync("HighTech", Sample("high-tech-list-sample.csv"));
        first.QuerySelector("#imported-count")!.TextContent.Should().Be("3");
        var park = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().SingleAsync(r => r.Number == "GR202534000503"));
        park.RegionCode.Should().Be("3408GX");
        park.Mode.Should().Be(HighTechMode.Filing);
        park.Confirmation.Should().Be(Confirmation.Confirmed, "a provincial list is official");
        (await YearCountAsync("340822", 2025)).Should().Be(before + 1, "the cockpit's summary counts the imported certificate in the same transaction");

        var versions = await fx.WithDbAsync((db, _) => db.HighTechRecords.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Version).ToListAsync());
        var second = await ImportAsync("HighTech", Sample("high-tech-list-sample.csv"));
        second.QuerySelector("#imported-count")!.TextContent.Should().Be("0");
        second.QuerySelector("#duplicate-count")!.TextContent.Should().Be("3");
        (await fx.WithDbAsync((db, _) => db.HighTechRecords.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Version).ToListAsync()))
            .Should().Equal(versions, "re-importing a list changes no record");
    }

    [Fact]
    public async Task A_list_with_a_bad_row_is_refused_whole_with_line_numbers()
    {
        var csv = Encoding.UTF8.GetString(Sample("tech-sme-list-sample.csv")) + "坏数据企业,91340800MA2Y0000,火星区,20x6,123\n";
        var page = await ImportAsync("TechSme", Encoding.UTF8.GetBytes(csv));
        var problems = page.QuerySelector("#import-problems")!.TextContent;
        problems.Should().Contain("4").And.Contain("所在地区“火星区”无效");
        page.QuerySelector("#import-result")!.TextContent.Should().Contain("未导入任何记录");
        (await fx.WithDbAsync((db, _) => db.TechSmeRecords.CountAsync(r => r.Number == "20263408010000501"))).Should().Be(0, "the good rows are not imported either");

        var missingColumn = await ImportAsync("TechSme", Encoding.UTF8.GetBytes("企业名称,统一社会信用代码\n某企业,91340800MA2Y00001H\n"));
        missingColumn.QuerySelector("#import-problems")!.TextContent.Should().Contain("表头缺少列：所在地区、评价年度、入库登记编号");
    }

    [Fact]
    public async Task An_enterprises_own_entry_waiting_for_confirmation_is_confirmed_by_the_official_list()
    {
        var entA = await fx.WithDbAsync((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司"));
        var pending = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().SingleAsync(r => r.CreditCode == entA.CreditCode && r.Confirmation == Confirmation.Pending));
        var csv = $"企业名称,统一社会信用代码,所在地区,证书编号,发证日期\n{entA.Name},{entA.CreditCode},怀宁县,{pending.Number},{pending.IssuedOn:yyyy-MM-dd}\n";

        var page = await ImportAsync("HighTech", Encoding.UTF8.GetBytes(csv));

        page.QuerySelector("#imported-count")!.TextContent.Should().Be("1");
        (await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().SingleAsync(r => r.Id == pending.Id))).Confirmation.Should().Be(Confirmation.Confirmed);
        (await fx.WithDbAsync((db, _) => db.HighTechRecords.CountAsync(r => r.CreditCode == entA.CreditCode && r.Number == pending.Number))).Should().Be(1);
    }

    [Fact]
    public async Task Tech_sme_and_specialized_lists_import_from_excel_and_csv()
    {
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["企业名称"] = "安庆表格样例有限公司", ["统一社会信用代码"] = "91340800MA2Y00004T", ["所在地区"] = "迎江区", ["评价年度"] = 2025, ["入库登记编号"] = "20253408020000777" },
        });
        var sme = await ImportAsync("TechSme", xlsx.ToArray(), "入库名单.xlsx");
        sme.QuerySelector("#imported-count")!.TextContent.Should().Be("1");
        (await fx.WithDbAsync((db, _) => db.TechSmeRecords.AsNoTracking().SingleAsync(r => r.Number == "20253408020000777"))).Year.Should().Be(2025);

        var specialized = await ImportAsync("Specialized", Sample("specialized-list-sample.csv"));
        specialized.QuerySelector("#imported-count")!.TextContent.Should().Be("2");
        (await fx.WithDbAsync((db, _) => db.SpecializedRecords.AsNoTracking().SingleAsync(r => r.CreditCode == "91340800MA2Y00005X"))).Level
            .Should().Be(SpecializedLevel.NationalLittleGiant);
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_is_refused()
    {
        var page = await ImportAsync("HighTech", "PK\u0003\u0004not really"u8.ToArray(), "名单.csv");
        page.QuerySelector("[data-valmsg-for='file']")!.TextContent.Should().Contain("文件类型不符");
    }
}
