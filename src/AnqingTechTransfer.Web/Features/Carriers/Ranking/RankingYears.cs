using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Carriers.Ranking;

/// <summary>What the ranking and an agency's deals share: the years a ranking exists for, and the contracts an agency brokered in one.</summary>
public static class RankingYears
{
    /// <summary>Rankings exist for the plan's years and around them; any other year is a page that does not exist.</summary>
    public static bool IsRankingYear(int year) => year is >= 2000 and <= 2100;

    public static (DateTimeOffset From, DateTimeOffset To) Year(int year)
    {
        // A Beijing calendar year, as UTC instants (PostgreSQL timestamptz parameters are UTC).
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        return (from.ToUniversalTime(), from.AddYears(1).ToUniversalTime());
    }

    /// <summary>Registered (or imported) contracts of the year whose broker is the agency: by its portal organization or by its name.</summary>
    public static IQueryable<TechContract> Brokered(this IQueryable<TechContract> contracts, Carrier agency, int year)
    {
        var (from, to) = Year(year);
        var host = agency.OrganizationId;
        var names = new[] { agency.Name, agency.HostName };
        return contracts.Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < to
            && ((host != Guid.Empty && c.BrokerOrganizationId == host) || (c.BrokerName != null && names.Contains(c.BrokerName))));
    }
}
