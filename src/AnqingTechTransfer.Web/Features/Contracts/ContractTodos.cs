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
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        // Every queue item counts what its tab on /contracts lists, through the same query (ContractQueue), and links to it.
        if (permissions.WorksQueue)
        {
            items.Add(await ItemAsync("待受理的合同", QueueTab.Intake, ct));
            items.Add(await ItemAsync("审核中的合同", QueueTab.InReview, ct));
            if (!permissions.SecondReviews)
            {
                items.Add(await ItemAsync("待大额复核的合同", QueueTab.SecondReview, ct));
            }

            items.Add(await ItemAsync("其中已超过办理时限", QueueTab.Overdue, ct) with { CountsInTotal = false });
            items.Add(await ItemAsync("待核定的技术性收入", QueueTab.Income, ct));
            items.Add(await ItemAsync("待审核的变更登记申请", QueueTab.Change, ct));
        }

        if (permissions.SeesQueue)
        {
            // The bureau and the registrars: time limits are counted on the calendar, so it must reach 60 working days ahead. The
            // item counts the years to enter and opens their list on the calendar (registrars read it, the bureau enters them).
            var outlook = await calendar.OutlookAsync(ct);
            if (outlook.IsShort)
            {
                items.Add(new TodoItem("工作日历", $"工作日历未覆盖未来 {outlook.WorkingDays} 个工作日：待录入 {string.Join("、", outlook.MissingYears)} 年节假日安排，超出部分的办理时限为暂定",
                    outlook.MissingYears.Count, "/registration-points/calendar#missing-years", CountsInTotal: false));
            }
        }

        if (permissions.SecondReviews)
        {
            items.Add(await ItemAsync("待大额复核的合同", QueueTab.SecondReview, ct));
            items.Add(await ItemAsync("待审核的变更登记申请", QueueTab.Change, ct));
        }

        if (permissions.MayFile)
        {
            var own = actor.OrganizationId;
            items.Add(new TodoItem("技术合同", "退回补正的合同", await db.TechContracts.CountAsync(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Returned, ct), "/contracts?status=Returned&filed=true"));
            items.Add(new TodoItem("技术合同", "尚未提交的合同草稿", await db.TechContracts.CountAsync(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Draft, ct), "/contracts?status=Draft&filed=true"));
        }

        return items;
    }

    private async Task<TodoItem> ItemAsync(string title, QueueTab tab, CancellationToken ct) =>
        new("技术合同", title, await queue.CountAsync(tab, ct), tab.Url());
}
