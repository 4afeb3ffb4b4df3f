using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Demo records of the supervision module: progress reports of the last quarter from the bureau and 怀宁县 (one accepted,
/// one waiting), two notices (one a publicity), one listed infringer (a synthetic enterprise) and 安庆师范大学's yearly report.
/// </summary>
public static class DemoSupervisionSeed
{
    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> ids, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var period = ReportingPeriod.LastEnded(today);
        var measures = await db.PlanMeasures.ToDictionaryAsync(m => m.Number);
        var bureau = await db.Organizations.SingleAsync(o => o.Id == ids["bureau"]);
        var huaining = await db.Organizations.SingleAsync(o => o.Id == ids["county-" + AnqingRegions.Huaining]);
        var accepted = MeasureReport.File(measures[2], bureau.Id, bureau.Name, bureau.Kind, bureau.RegionCode, period, today,
            "在市科技成果转化服务中心和安庆高新区设立两个技术合同登记点，开通网上申报，本季度登记技术合同较上年同期增长。",
            [new MeasureFigure("登记点", 2, "个"), new MeasureFigure("本季度登记合同", 86, "项")], now);
        accepted.Accept("请继续推进县级登记点布局。", now);
        var waiting = MeasureReport.File(measures[10], huaining.Id, huaining.Name, huaining.Kind, huaining.RegionCode, period, today,
            "征集企业技术需求23项，组织安庆师范大学等高校院所对接8次，支持“双链融合”项目3项。",
            [new MeasureFigure("征集需求", 23, "项"), new MeasureFigure("对接活动", 8, "次")], now);
        db.MeasureReports.AddRange(accepted, waiting);

        var calendar = new WorkingDayCalendar([]);
        db.Notices.Add(Notice.Publish(NoticeKind.Notice, "关于组织申报2027年度市科技计划项目的通知（示例）",
            "各县（市、区）科技主管部门、园区管委会，各有关单位：\n根据《安庆市科技成果转化应用体系建设行动方案》，现组织申报2027年度市科技计划项目，请登录本平台“科技项目”栏目查看申报指南。\n（示例数据）",
            today.AddDays(-3), null, 0, calendar, bureau.Id, now, bureau.Name));
        db.Notices.Add(Notice.Publish(NoticeKind.Publicity, "2026年度技术转移机构绩效评价结果公示（示例）",
            "经机构申报、县区推荐、专家评审，拟确定以下技术转移机构绩效评价结果，现予公示。公示期内如有异议，请通过本页面提出。\n（示例数据）",
            today, today, 5, calendar, bureau.Id, now, bureau.Name));
        // A lead department publicises its own measure (issue 24 §6).
        var led = measures.Values.OrderBy(m => m.Number).FirstOrDefault(m => m.LeadOrganizationIds.Count > 0 && !m.LeadOrganizationIds.Contains(bureau.Id));
        if (led is not null && await db.Organizations.FirstOrDefaultAsync(o => o.Id == led.LeadOrganizationIds[0]) is { } lead)
        {
            db.Notices.Add(Notice.Publish(NoticeKind.Notice, $"{lead.Name}关于推进“{led.Title}”工作的通知（示例）",
                $"各有关单位：\n为落实《安庆市科技成果转化应用体系建设行动方案》任务{led.Number}，现就有关工作通知如下，请结合实际抓好落实。\n（示例数据）",
                today.AddDays(-1), null, 0, calendar, lead.Id, now, lead.Name, new NoticeMeasure(led.Id, NoticeLabels.Measure(led.Number, led.Title))));
        }

        var scjg = await db.Organizations.SingleAsync(o => o.Id == ids["scjg"]);
        db.InfringerEntries.Add(InfringerEntry.Record("安庆示例侵权科技有限公司（示例）", CreditCode.Complete("91340800MA2N00901"), InfringementKind.Repeat,
            InfringedRight.Patent, "宜市监处罚〔2026〕12号（示例）", "安庆市市场监督管理局", today.AddMonths(-2), today.AddMonths(-2), today.AddYears(3), scjg.Id, now));

        var aqnu = await db.Organizations.SingleAsync(o => o.Id == ids["aqnu"]);
        var report = TransferReport.Start(aqnu.Id, aqnu.Name, aqnu.RegionCode, today.Year - 1, today.Year, new TransferFigures(6, 12, 310, 2, 45, 1, 120, 96, 1), now);
        report.Edit(report.Figures, "全年转化科技成果6项，技术合同12项，向科研人员发放奖励96万元，孵化衍生企业1家。（示例数据）");
        report.Submit(now);
        db.TransferReports.Add(report);
        await db.SaveChangesAsync();
    }
}
