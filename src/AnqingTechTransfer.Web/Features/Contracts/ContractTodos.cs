using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts.List;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>The registrar's queue tab by tab (with what is overdue), a calendar that runs short (bureau and registrars), large contracts awaiting second review, and the filer's corrections.</summary>
public class ContractTodos(PortalDbContext db, ICurrentActor actor, ContractPermissions permissions, ContractQueue queue, ContractCalendarHandler calendar) : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        // Every queue item counts what its tab on /contracts lists, through the same query (ContractQueue), and links to it.
        if (permissions.WorksQueue)
        {
            Item(batch, "待受理的合同", QueueTab.Intake);
            Item(batch, "审核中的合同", QueueTab.InReview);
            if (!permissions.SecondReviews)
            {
                Item(batch, "待大额复核的合同", QueueTab.SecondReview);
            }

            Item(batch, "其中已超过办理时限", QueueTab.Overdue, countsInTotal: false);
            Item(batch, "待核定的技术性收入", QueueTab.Income);
            Item(batch, "待审核的变更登记申请", QueueTab.Change);
        }

        if (permissions.SeesQueue)
        {
            // The bureau and the registrars: time limits are counted on the calendar, so it must reach 60 working days ahead. The
            // item counts the years to enter and opens their list on the calendar (registrars read it, the bureau enters them).
            // The calendar is the city's (not the user's) and changes a few times a year: it is read again when it is written.
            batch.Derived("calendar-outlook", [typeof(CalendarDay)], async token =>
            {
                var outlook = await calendar.OutlookAsync(token);
                return outlook.IsShort
                    ? [new TodoItem("工作日历", $"工作日历未覆盖未来 {outlook.WorkingDays} 个工作日：待录入 {string.Join("、", outlook.MissingYears)} 年节假日安排，超出部分的办理时限为暂定",
                        outlook.MissingYears.Count, "/registration-points/calendar#missing-years", CountsInTotal: false)]
                    : [];
            }, shared: true);
        }

        if (permissions.SecondReviews)
        {
            Item(batch, "待大额复核的合同", QueueTab.SecondReview);
            Item(batch, "待审核的变更登记申请", QueueTab.Change);
        }

        if (permissions.MayFile)
        {
            var own = actor.OrganizationId;
            batch.Count(db.TechContracts.Where(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Returned),
                n => new TodoItem("技术合同", "退回补正的合同", n, "/contracts?status=Returned&filed=true"));
            batch.Count(db.TechContracts.Where(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Draft),
                n => new TodoItem("技术合同", "尚未提交的合同草稿", n, "/contracts?status=Draft&filed=true"));
        }

        return Task.CompletedTask;
    }

    private void Item(TodoBatch batch, string title, QueueTab tab, bool countsInTotal = true) =>
        batch.Count(queue.Tab(db.TechContracts, tab), n => new TodoItem("技术合同", title, n, tab.Url(), countsInTotal));
}
