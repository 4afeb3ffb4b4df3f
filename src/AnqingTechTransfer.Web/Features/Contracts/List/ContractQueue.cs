using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>The tabs of the registrar's (and the bureau's) queue on <c>/contracts?tab=…</c>.</summary>
public enum QueueTab
{
    /// <summary>待受理: submitted, oldest submission first.</summary>
    Intake = 1,
    /// <summary>审核中: accepted or in review, nearest due date first.</summary>
    InReview = 2,
    /// <summary>已超时: still in the queue past its due date, most overdue first.</summary>
    Overdue = 3,
    /// <summary>待复核: large contracts awaiting the second review.</summary>
    SecondReview = 4,
    /// <summary>待核定收入: technical income declared, awaiting the registrar's confirmation.</summary>
    Income = 5,
    /// <summary>待变更: registered contracts with a 变更登记 request waiting for the registrar, oldest registration first.</summary>
    Change = 6,
}

public static class QueueTabs
{
    public static readonly QueueTab[] All = [QueueTab.Intake, QueueTab.InReview, QueueTab.Overdue, QueueTab.SecondReview, QueueTab.Income, QueueTab.Change];

    public static string Name(this QueueTab tab) => tab switch
    {
        QueueTab.Intake => "待受理",
        QueueTab.InReview => "审核中",
        QueueTab.Overdue => "已超时",
        QueueTab.SecondReview => "待复核",
        QueueTab.Income => "待核定收入",
        QueueTab.Change => "待变更",
        _ => tab.ToString(),
    };

    /// <summary>The tab's address: the to-do items link here (the list page builds the same by tag helper).</summary>
    public static string Url(this QueueTab tab) => "/contracts?tab=" + tab;

    /// <summary>
    /// The contracts of a tab. Each predicate leads with a column an index of tech_contracts starts with or is filtered
    /// on: status ((status, signed_on), (registration_point_id, status, submitted_at)) or the partial income index.
    /// </summary>
    public static IQueryable<TechContract> InTab(this IQueryable<TechContract> query, QueueTab tab, DateOnly today)
    {
        var queue = ContractStatusNames.RegistrarQueue;
        return tab switch
        {
            QueueTab.Intake => query.Where(c => c.Status == ContractStatus.Submitted),
            QueueTab.InReview => query.Where(c => c.Status == ContractStatus.Accepted || c.Status == ContractStatus.UnderReview),
            QueueTab.Overdue => query.Where(c => queue.Contains(c.Status) && c.DueOn < today),
            QueueTab.SecondReview => query.Where(c => c.Status == ContractStatus.SecondReview),
            QueueTab.Income => query.Where(c => c.IncomeDeclared != null && c.IncomeConfirmedAt == null),
            _ => query.Where(c => false),
        };
    }

    /// <summary>The tab's own order, used when the user has not chosen another.</summary>
    public static IOrderedQueryable<TechContract> OrderedFor(this IQueryable<TechContract> query, QueueTab tab) => tab switch
    {
        QueueTab.Intake => query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id),
        QueueTab.Income or QueueTab.Change => query.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id),
        _ => query.OrderBy(c => c.DueOn).ThenBy(c => c.Id),
    };
}

/// <summary>
/// Whose queue: a registrar's is the contracts at their own points, the bureau's every contract the city sees. The tabs
/// on the list and the to-do items on the workspace (<see cref="ContractTodos"/>) both count through here, so they agree.
/// </summary>
public class ContractQueue(PortalDbContext db, ICurrentActor actor, ContractPermissions permissions, ContractCalendarHandler calendar) : IUseCase
{
    /// <summary>The user has a queue (registrars and the bureau).</summary>
    public bool Shows => permissions.SeesQueue;

    public DateOnly Today => calendar.Today;

    /// <summary>The user's queue within what the tenant filter lets them see.</summary>
    public IQueryable<TechContract> Scope(IQueryable<TechContract> query)
    {
        if (permissions.SecondReviews)
        {
            return query; // the bureau: the whole city
        }

        var points = actor.RegistrationPointIds.ToList();
        return query.Where(c => points.Contains(c.RegistrationPointId));
    }

    public IQueryable<TechContract> Tab(IQueryable<TechContract> query, QueueTab tab) => tab == QueueTab.Change
        // A change request is its own record (contract_change_requests): the tab lists the contracts with an open one.
        ? Scope(query).Where(c => c.Status == ContractStatus.Registered
            && db.ContractChangeRequests.Any(r => r.ContractId == c.Id && r.Status == ChangeRequestStatus.Pending))
        : Scope(query).InTab(tab, Today);

    public Task<int> CountAsync(QueueTab tab, CancellationToken ct) => Tab(db.TechContracts, tab).CountAsync(ct);

    /// <summary>Every tab's count (one indexed count each, all sent as one statement: <see cref="CountUnion"/>), for the tab strip.</summary>
    public async Task<IReadOnlyDictionary<QueueTab, int>> CountsAsync(CancellationToken ct)
    {
        if (!Shows)
        {
            return new Dictionary<QueueTab, int>();
        }

        var union = new CountUnion();
        var tags = QueueTabs.All.ToDictionary(tab => tab, tab => union.Add(Tab(db.TechContracts, tab)));
        var counts = await union.CountAsync(ct);
        return tags.ToDictionary(t => t.Key, t => counts.GetValueOrDefault(t.Value));
    }
}
