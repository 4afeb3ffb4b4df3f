using System.Net;
using System.Text;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

public class ContractImportTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static byte[] Sample() => File.ReadAllBytes(Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "wwwroot", "samples", "absorbed-contracts-sample.csv"));

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> ImportAsync(byte[] content, string name = "导出.csv")
    {
        var bureau = await fx.As("bureau");
        // The import runs as a background job; its page at /imports/{id} shows the result.
        var (response, page, _) = await fx.ImportAsync(bureau, "/contracts/import", [], ("file", name, content));
        return (response, page);
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
        second.QuerySelector("#unchanged-count")!.TextContent.Should().Be("5");
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

    private const string Header = "登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期,卖方国别（地区）代码,买方国别（地区）代码\n";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + string.Join("\n", rows) + "\n");

    /// <summary>A contract the portal registered itself (its own number), between two parties with credit codes.</summary>
    private Task<string> PortalRegisteredAsync(string name, string sellerCode, string buyerCode, DateOnly signed, decimal amount) =>
        fx.WithDbAsync(async (db, _) =>
        {
            var point = await db.RegistrationPoints.SingleAsync(p => p.Code == "01");
            var seller = await db.Organizations.SingleAsync(o => o.Name == "安庆师范大学");
            var actor = new ContractActor(Guid.Empty, "registrar.city");
            var at = new DateTimeOffset(signed.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).AddDays(5).ToUniversalTime();
            var contract = TechContract.Draft(point.Id, seller.Id, at, actor, new ContractTerms(name, TechContractType.Development,
                TechContractSubType.CommissionedDevelopment, null, false,
                new ContractParty("合肥某研究院", sellerCode, "142", "340100", "110"), new ContractParty("岳西某企业", buyerCode, "142", "340828", "170"),
                null, null, null, "340828", "01", "03", "07", "10", signed, signed, signed.AddYears(1), amount, [], PaymentMode.LumpSumOnce, null, null, null, null,
                "负责人", "填报人", signed));
            contract.Submit(at, actor, ContractEvidence.Required(contract.Terms));
            contract.Accept(at, signed, actor, new WorkingDayCalendar([]), false, 15, 30);
            contract.StartReview(at, actor);
            contract.Approve(at, actor, null, creditCodesChecked: true);
            var number = "P" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
            contract.Register(at, actor, number, "IMPGUARD", null, creditCodesChecked: true);
            db.TechContracts.Add(contract);
            await db.SaveChangesAsync();
            return number;
        });

    [Fact]
    public async Task A_contract_the_portal_registered_itself_is_not_imported_again_and_is_named_with_the_portal_number()
    {
        var sellerCode = Domain.Organizations.CreditCode.Complete("12340100MB0G00001");
        var buyerCode = Domain.Organizations.CreditCode.Complete("91340828MA2G00001");
        var signed = new DateOnly(2018, 4, 9);
        var portalNumber = await PortalRegisteredAsync("导入防重：本平台登记（同双方同日同额）", sellerCode, buyerCode, signed, 77.5m);
        var sameNumber = await PortalRegisteredAsync("导入防重：本平台登记（同编号）", Domain.Organizations.CreditCode.Complete("12340100MB0G00002"),
            Domain.Organizations.CreditCode.Complete("91340828MA2G00002"), signed, 12m);

        var (_, page) = await ImportAsync(Csv(
            $"2018340100008801,省系统中的同一合同,技术开发,合肥某研究院,{sellerCode},340100,岳西某企业,{buyerCode},340828,,01,77.5,77.5,2018-04-09,2018-04-20,142,142",
            $"{sameNumber},省系统带回本平台编号,技术开发,合肥某研究院,,340100,岳西某企业,,340828,,01,12,12,2018-04-09,2018-04-20,,",
            $"2018340100008803,同双方但金额不同（另一合同）,技术开发,合肥某研究院,{sellerCode},340100,岳西某企业,{buyerCode},340828,,01,78,78,2018-04-09,2018-04-20,142,142"));

        page.QuerySelector("#import-result")!.TextContent.Should().Contain("本平台已登记而跳过 2 条");
        page.QuerySelector("#portal-count")!.TextContent.Should().Be("2");
        page.QuerySelector("#imported-count")!.TextContent.Should().Be("1");
        var skipped = page.QuerySelectorAll("#import-portal-registered tbody tr").Select(r => r.TextContent).ToList();
        skipped.Should().HaveCount(2);
        skipped[0].Should().Contain("2018340100008801").And.Contain(portalNumber).And.Contain("本平台已登记");
        skipped[1].Should().Contain(sameNumber).And.Contain("本平台已登记");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber == "2018340100008801"))).Should().Be(0);
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber == sameNumber))).Should().Be(1, "the portal's own contract stays the only one");
        (await fx.WithDbAsync((db, _) => db.TechContracts.SingleAsync(c => c.RegistrationNumber == sameNumber))).IsImported.Should().BeFalse();
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber == "2018340100008803" && c.IsImported))).Should().Be(1);
    }

    private Task<decimal> AbsorbedAsync(int year, string region) =>
        fx.WithDbAsync((db, _) => db.ContractMonthTotals.Where(t => t.Month.Year == year && t.BuyerRegionCode == region && t.IsImported).SumAsync(t => t.ContractAmount));

    [Fact]
    public async Task A_corrected_row_updates_the_imported_contract_names_the_change_and_moves_the_absorbed_figure()
    {
        const string number = "2017340100009901";
        string Row(string project, string amount, string tech) =>
            $"{number},{project},技术开发,合肥某大学,,340100,太湖某企业,,340825,,01,{amount},{tech},2017-06-01,2017-06-10,,";
        var (_, first) = await ImportAsync(Csv(Row("导入更正测试", "50", "50")));
        first.QuerySelector("#imported-count")!.TextContent.Should().Be("1");
        (await AbsorbedAsync(2017, "340825")).Should().Be(50m);

        var (_, corrected) = await ImportAsync(Csv(Row("导入更正测试（省系统更正）", "80", "70")));
        corrected.QuerySelector("#updated-count")!.TextContent.Should().Be("1");
        corrected.QuerySelector("#unchanged-count")!.TextContent.Should().Be("0");
        corrected.QuerySelector("#imported-count")!.TextContent.Should().Be("0");
        var contract = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.RegistrationNumber == number));
        contract.ContractAmount.Should().Be(80m);
        contract.TechAmount.Should().Be(70m);
        contract.ProjectName.Should().Be("导入更正测试（省系统更正）");
        var last = contract.Events.OrderBy(e => e.At).Last();
        last.Action.Should().Be("导入更正（省系统数据变更）");
        last.UserName.Should().Be("bureau");
        last.Remark.Should().Contain("成交额（万元）：50 → 80").And.Contain("技术交易额（万元）：50 → 70").And.Contain("项目名称：导入更正测试 → 导入更正测试（省系统更正）");
        (await AbsorbedAsync(2017, "340825")).Should().Be(80m, "contract_month_totals follows the corrected amount (trigger)");

        var (_, again) = await ImportAsync(Csv(Row("导入更正测试（省系统更正）", "80", "70")));
        again.QuerySelector("#updated-count")!.TextContent.Should().Be("0");
        again.QuerySelector("#unchanged-count")!.TextContent.Should().Be("1");
        (await fx.WithDbAsync((db, _) => db.Set<ContractEvent>().CountAsync(e => e.ContractId == contract.Id))).Should().Be(contract.Events.Count, "an identical row records nothing");

        var details = await (await fx.As("bureau")).GetPageAsync($"/contracts/{contract.Id}");
        details.QuerySelector("#contract-history")!.TextContent.Should().Contain("导入更正").And.Contain("50 → 80");
    }

    [Fact]
    public async Task Country_codes_follow_the_table_and_a_legacy_156_is_read_as_142_and_said_so()
    {
        var (_, page) = await ImportAsync(Csv(
            "2016340100007701,旧国别代码导入,技术服务,合肥某大学,,340100,桐城某企业,,340881,,01,10,10,2016-03-01,2016-03-05,156,156",
            "2016340100007702,新国别代码导入,技术服务,德国某研究所,,340100,桐城某企业,,340881,,01,10,10,2016-03-01,2016-03-05,304,142"));
        page.QuerySelector("#imported-count")!.TextContent.Should().Be("2");
        var notes = page.QuerySelector("#import-notes")!.TextContent;
        notes.Should().Contain("第 2 行").And.Contain("156").And.Contain("142");
        var legacy = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.RegistrationNumber == "2016340100007701"));
        legacy.Seller.CountryCode.Should().Be("142");
        legacy.Buyer.CountryCode.Should().Be("142");
        legacy.Buyer.IsDomestic.Should().BeTrue();
        var german = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().SingleAsync(c => c.RegistrationNumber == "2016340100007702"));
        german.Seller.CountryCode.Should().Be("304");
        german.Seller.IsDomestic.Should().BeFalse();

        var (_, bad) = await ImportAsync(Csv(
            "2016340100007703,无效国别,技术服务,某大学,,340100,桐城某企业,,340881,,01,10,10,2016-03-01,2016-03-05,999,142",
            "2016340100007704,买方在境外,技术服务,某大学,,340100,桐城某企业,,340881,,01,10,10,2016-03-01,2016-03-05,142,110"));
        var problems = bad.QuerySelector("#import-problems")!.TextContent;
        problems.Should().Contain("卖方国别（地区）代码“999”不在国别（地区）代码表中");
        problems.Should().Contain("买方国别（地区）不是中国（142）");
        (await fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber == "2016340100007703"))).Should().Be(0);
    }
}
