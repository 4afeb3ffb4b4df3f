using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Contracts.Statistics;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

public static class ContractQueries
{
    /// <summary>The search of the project name, segmented into words (ADR 0017); short or empty keeps the substring path.</summary>
    public static WordQuery Words(ContractFilter f) => WordQuery.Parse(JiebaWordCutter.Shared, f.Q);

    public static IQueryable<TechContract> Apply(this IQueryable<TechContract> query, ContractFilter f)
    {
        if (f.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (f.Queue)
        {
            var queue = ContractStatusNames.RegistrarQueue;
            query = query.Where(c => queue.Contains(c.Status));
        }

        if (f.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (!string.IsNullOrEmpty(f.Field))
        {
            query = query.Where(c => c.TechnicalFieldCode == f.Field);
        }

        if (f.Point is { } point)
        {
            query = query.Where(c => c.RegistrationPointId == point);
        }

        if (f.Region == AnqingRegions.City)
        {
            // The whole city (the cockpit's drill-down): 吸纳 are contracts with the buyer in one of its counties or parks.
            query = f.Side switch
            {
                "absorbed" => query.Where(c => c.BuyerRegionCode != null && c.BuyerRegionCode != ""),
                "output" => query.Where(c => c.SellerRegionCode != null && c.SellerRegionCode != ""),
                _ => query,
            };
        }
        else if (!string.IsNullOrEmpty(f.Region))
        {
            query = f.Side switch
            {
                "absorbed" => query.Where(c => c.BuyerRegionCode == f.Region),
                "output" => query.Where(c => c.SellerRegionCode == f.Region),
                _ => query.Where(c => c.BuyerRegionCode == f.Region || c.SellerRegionCode == f.Region),
            };
        }

        query = f.Origin switch
        {
            "local" => query.Where(c => !c.IsImported),
            "imported" => query.Where(c => c.IsImported),
            _ => query,
        };

        if (f.Year is { } year and >= 2000 and <= 2100)
        {
            var (start, end) = ContractStatsHandler.YearRange(year);
            if (f.Month is { } month and >= 1 and <= 12)
            {
                start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
                end = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMonths(1).ToUniversalTime();
            }

            query = query.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end);
        }

        if (f.From is { } from)
        {
            query = query.Where(c => c.SignedOn >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(c => c.SignedOn <= to);
        }

        if (f.MinAmount is { } min)
        {
            query = query.Where(c => c.ContractAmount >= min);
        }

        if (f.MaxAmount is { } max)
        {
            query = query.Where(c => c.ContractAmount <= max);
        }

        var words = Words(f);
        if (words.Words.Count > 0)
        {
            // Words of the project name (ADR 0017), or the registration number as typed.
            var q = words.Text;
            var tsQuery = words.TsQuery(false);
            query = query.Where(c => EF.Property<NpgsqlTsVector>(c, SearchIndex.VectorProperty).Matches(EF.Functions.ToTsQuery("simple", tsQuery))
                || c.RegistrationNumber == q);
            if (string.IsNullOrEmpty(f.Sort) && f.Tab is null)
            {
                return query.ByRelevance(tsQuery).ThenByDescending(c => c.SignedOn).ThenByDescending(c => c.Id);
            }
        }
        else if (!words.IsEmpty)
        {
            var q = words.Text;
            var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.ILike(c.ProjectName, pattern) || c.RegistrationNumber == q);
        }

        return f.Sort switch
        {
            "amount" => query.OrderByDescending(c => c.ContractAmount).ThenByDescending(c => c.Id),
            "due" => query.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.Id),
            "signed" => query.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Id),
            _ when f.Tab is { } tab => query.OrderedFor(tab),
            _ => query.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Id),
        };
    }
}
