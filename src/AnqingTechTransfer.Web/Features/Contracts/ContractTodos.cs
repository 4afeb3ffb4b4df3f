using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>The registrar's queue (with what is overdue), a calendar that runs short (bureau and registrars), large contracts awaiting second review, and the filer's corrections.</summary>
public class ContractTodos(PortalDbContext db, ICurrentActor actor, ContractPermissions permissions, ContractCalendarHandler calendar) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (permissions.WorksQueue)
        {
            var points = actor.RegistrationPointIds.ToList();
            var today = calendar.Today;
            var states = ContractStatusNames.RegistrarQueue;
            var queue = db.TechContracts.Where(c => points.Contains(c.RegistrationPointId) && states.Contains(c.Status));
            items.Add(new TodoItem("技术合同", "待受理和审核的合同", await queue.CountAsync(ct), "/contracts?queue=true&sort=due"));
            items.Add(new TodoItem("技术合同", "其中已超过办理时限", await queue.CountAsync(c => c.DueOn < today, ct), "/contracts?queue=true&sort=due", CountsInTotal: false));
            items.Add(new TodoItem("技术合同", "待核定的技术性收入", await db.TechContracts.CountAsync(c => points.Contains(c.RegistrationPointId)
                && c.IncomeDeclared != null && c.IncomeConfirmedAt == null, ct), "/contracts?status=Registered"));
        }

        if (permissions.SeesQueue)
        {
            // The bureau and the registrars: time limits are counted on the calendar, so it must reach 60 working days ahead.
            var outlook = await calendar.OutlookAsync(ct);
            if (outlook.IsShort)
            {
                items.Add(new TodoItem("工作日历", $"工作日历未覆盖未来 {outlook.WorkingDays} 个工作日：待录入 {string.Join("、", outlook.MissingYears)} 年节假日安排，超出部分的办理时限为暂定",
                    outlook.MissingYears.Count, permissions.SecondReviews ? "/registration-points/calendar" : "/contracts?queue=true&sort=due", CountsInTotal: false));
            }
        }

        if (permissions.SecondReviews)
        {
            items.Add(new TodoItem("技术合同", "待大额复核的合同", await db.TechContracts.CountAsync(c => c.Status == ContractStatus.SecondReview, ct), "/contracts?status=SecondReview"));
        }

        if (permissions.MayFile)
        {
            var own = actor.OrganizationId;
            items.Add(new TodoItem("技术合同", "退回补正的合同", await db.TechContracts.CountAsync(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Returned, ct), "/contracts?status=Returned"));
            items.Add(new TodoItem("技术合同", "尚未提交的合同草稿", await db.TechContracts.CountAsync(c => c.FilerOrganizationId == own && c.Status == ContractStatus.Draft, ct), "/contracts?status=Draft"));
        }

        return items;
    }
}
