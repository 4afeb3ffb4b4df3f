using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Infrastructure.Search;

/// <summary>
/// The word index of needs, results, scenarios, carriers and contract names (ADR 0017). Each table has <c>search_words</c>
/// (<see cref="SearchText.Words"/>, written by <see cref="Refresh"/> on every save that adds the record or changes a text it
/// is found by, and by <see cref="SearchBackfill"/> for rows written without the application) and <c>search_vector</c>,
/// generated from it by the database and indexed with GIN.
/// </summary>
public static class SearchIndex
{
    public const string WordsProperty = "SearchWords";
    public const string VectorProperty = "SearchVector";

    /// <summary>Title words weigh A, the other words B, the grams D (ts_rank's default weights 1, 0.4, 0.1).</summary>
    public const string VectorSql =
        "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || " +
        "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || " +
        "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')";

    private sealed record Source(string[] Properties, Func<object, string> Words);

    private static readonly Dictionary<Type, Source> Sources = new()
    {
        [typeof(TechNeed)] = new(["Title", "Summary", "Keywords", "Targets"], o => Of((TechNeed)o)),
        [typeof(TechResult)] = new(["Title", "Summary", "Keywords"], o => Of((TechResult)o)),
        [typeof(Scenario)] = new(["Title", "Problem", "Place", "Keywords"], o => Of((Scenario)o)),
        [typeof(Carrier)] = new(["Name", "HostName", "CoBuilder", "Capabilities"], o => Of((Carrier)o)),
        [typeof(TechContract)] = new(["ProjectName"], o => Of((TechContract)o)),
    };

    private static IWordCutter Cutter => JiebaWordCutter.Shared;

    public static string Of(TechNeed n) => SearchText.Words(Cutter, n.Title, n.Summary, string.Join(" ", n.Keywords), n.Targets);

    public static string Of(TechResult r) => SearchText.Words(Cutter, r.Title, r.Summary, string.Join(" ", r.Keywords));

    public static string Of(Scenario s) => SearchText.Words(Cutter, s.Title, s.Problem, s.Place, string.Join(" ", s.Keywords));

    public static string Of(Carrier c) => SearchText.Words(Cutter, c.Name, c.HostName, c.CoBuilder, c.Capabilities);

    public static string Of(TechContract c) => SearchText.Words(Cutter, c.ProjectName);

    /// <summary>The two columns and the index, in the entity's configuration.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : class
    {
        b.Property<string>(WordsProperty).HasColumnName("search_words");
        b.Property<NpgsqlTsVector>(VectorProperty).HasColumnName("search_vector").HasComputedColumnSql(VectorSql, stored: true);
        b.HasIndex(VectorProperty).HasMethod("gin");
    }

    /// <summary>Before a save: the words of every indexed record added, or changed in a text it is found by.</summary>
    public static void Refresh(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !Sources.TryGetValue(entry.Metadata.ClrType, out var source))
            {
                continue;
            }

            var words = entry.Property(WordsProperty);
            if (entry.State == EntityState.Added || words.CurrentValue is null || source.Properties.Any(p => entry.Property(p).IsModified))
            {
                words.CurrentValue = source.Words(entry.Entity);
            }
        }
    }

    /// <summary>The records whose words match the query (the GIN index).</summary>
    public static IQueryable<T> MatchingWords<T>(this IQueryable<T> query, string tsQuery) where T : class =>
        query.Where(e => EF.Property<NpgsqlTsVector>(e, VectorProperty).Matches(EF.Functions.ToTsQuery("simple", tsQuery)));

    /// <summary>Best match first (ts_rank: title words over other words over grams).</summary>
    public static IOrderedQueryable<T> ByRelevance<T>(this IQueryable<T> query, string tsQuery) where T : class =>
        query.OrderByDescending(e => EF.Property<NpgsqlTsVector>(e, VectorProperty).Rank(EF.Functions.ToTsQuery("simple", tsQuery)));
}
