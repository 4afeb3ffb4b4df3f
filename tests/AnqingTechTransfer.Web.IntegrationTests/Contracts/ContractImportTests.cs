using System.Net;
using System.Text;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

public class ContractImportTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static byte[] Sample() => File.ReadAllBytes(Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "wwwroot", "samples", "absorbed-contracts-sample.csv"));

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> ImportAsync(byte[] content, string name = "导出.csv")
    {
        var bureau = await fx.As("bureau");
        var response = await bureau.PostMultipartAsync("/contracts/import", [], ("file", name, content), "/contracts/import");
        return (response, PortalClient.Parse(await response.Content.ReadAsStringAsync()));
    }

    private Task<int> CountAsync(string prefix) =>
        fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber!.StartsWith(prefix) && c.IsImported));

    [Fact]
    public async Task The_sample_file_imports_and_the_same_file_again_changes_nothing()
    {
        var auditsBefore = await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "导入"));
        var (_, first) = await ImportAsync(Sample());
        first.QuerySelector("#imported-count")!.TextContent.Should().Be("5");
        var park = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.RegistrationNumber == "2025340100000101"));
        park.BuyerRegionCode.Should().Be("3408GX", "the park column attributes 吸纳 to the high-tech zone");
        park.IsImported.Should().BeTrue();
        park.ContractAmount.Should().Be(320m);
        var quoted = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.RegistrationNumber == "2025110100000303"));
        quoted.ProjectName.Should().Be("高分子材料专利实施许可（含\"改性\"工艺）");

        var (_, second) = await ImportAsync(Sample());
        second.QuerySelector("#imported-count")!.TextContent.Should().Be("0");
        second.QuerySelector("#duplicate-count")!.TextContent.Should().Be("5");
        (await CountAsync("2025")).Should().BeGreaterThanOrEqualTo(5);
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber == "2025340100000101"))).Should().Be(1);
        (await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "导入"))).Should().Be(auditsBefore + 2, "each import is audited");
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_line_numbers_and_reasons()
    {
        var csv = Encoding.UTF8.GetString(Sample()).Replace("2025340100000404", "2026000000009991")
            .Replace(",12.3,12.3,", ",12.3,99,")
            .Replace("2025320500000505", "2026000000009992").Replace(",340811,安庆经开区,", ",320500,,");
        var (_, page) = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        var problems = page.QuerySelector("#import-problems")!.TextContent;
        problems.Should().Contain("5").And.Contain("技术交易额应在0与成交额之间");
        problems.Should().Contain("6").And.Contain("不属于吸纳合同");
        page.QuerySelector("#import-result")!.TextContent.Should().Contain("未导入任何记录");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber!.StartsWith("2026000000")))).Should().Be(0);
    }

    [Fact]
    public async Task An_excel_file_with_the_same_columns_imports_too()
    {
        var rows = new[]
        {
            new Dictionary<string, object>
            {
                ["登记编号"] = "2024340100007001", ["项目名称"] = "Excel 导入测试", ["合同类别"] = "技术开发", ["卖方名称"] = "合肥工业大学",
                ["卖方统一社会信用代码"] = "", ["卖方所在地区代码"] = "340100", ["买方名称"] = "桐城市示范企业", ["买方统一社会信用代码"] = "",
                ["买方所在地区代码"] = "340881", ["买方所在园区"] = "", ["技术领域"] = "01", ["成交额（万元）"] = 66.6m, ["技术交易额（万元）"] = 60m,
                ["签订日期"] = new DateTime(2024, 5, 6), ["登记日期"] = "2024-05-20",
            },
        };
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, rows);
        var (_, page) = await ImportAsync(buffer.ToArray(), "导出.xlsx");
        page.QuerySelector("#imported-count")!.TextContent.Should().Be("1");
        var imported = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.RegistrationNumber == "2024340100007001"));
        imported.BuyerRegionCode.Should().Be("340881");
        imported.SignedOn.Should().Be(new DateOnly(2024, 5, 6));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_lacks_columns_gets_a_clear_message()
    {
        var gbk = new byte[] { 0xB5, 0xC7, 0xBC, 0xC7, 0xB1, 0xE0, 0xBA, 0xC5, 0x0A, 0x31, 0x0A };
        var (_, encoding) = await ImportAsync(gbk);
        encoding.QuerySelector("#import-problems")!.TextContent.Should().Contain("UTF-8");
        var (_, columns) = await ImportAsync(Encoding.UTF8.GetBytes("登记编号,项目名称\n1,x\n"));
        columns.QuerySelector("#import-problems")!.TextContent.Should().Contain("表头缺少列");
        var (response, exe) = await ImportAsync([0x4D, 0x5A, 0x00, 0x00], "导出.xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        exe.QuerySelector("[data-valmsg-for=file]")!.TextContent.Should().Contain("文件类型不符");
    }
}
