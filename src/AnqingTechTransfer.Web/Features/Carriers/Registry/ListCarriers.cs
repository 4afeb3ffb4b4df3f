using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

public sealed record CarrierRow(Guid Id, string Name, CarrierType Type, CarrierLevel Level, string HostName, string RegionCode, int? RecognitionYear, CarrierStatus Status,
    string Capabilities = "");

public sealed record CarrierQuery(string? Q, CarrierType? Type, CarrierLevel? Level, string? Region, CarrierStatus? Status);

public sealed record CarrierListPage(PagedList<CarrierRow> Rows, CarrierQuery Query, bool CanRegister, IReadOnlyList<string>? Marks = null, IReadOnlyList<string>? StandIns = null);

/// <summary>
/// The public catalogue of carriers, filtered by type, level, region and status and searched by words of the name, host,
/// co-builder and capabilities, best match first (ADR 0017); one or two characters match anywhere in the name or host.
/// </summary>
public class ListCarriersHandler(PortalDbContext db, IWordCutter cutter) : IUseCase
{
    public async Task<CarrierListPage> HandleAsync(CarrierQuery filter, int page, bool canRegister, CancellationToken ct)
    {
        var query = db.Carriers.AsNoTracking();
        var words = WordQuery.Parse(cutter, filter.Q);
        string[] terms = words.IsShort ? [words.Text] : [];
        foreach (var term in terms)
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.HostName, pattern));
        }

        query = filter.Type is { } t ? query.Where(c => c.Type == t) : query;
        query = filter.Level is { } l ? query.Where(c => c.Level == l) : query;
        query = string.IsNullOrEmpty(filter.Region) ? query : query.Where(c => c.RegionCode == filter.Region);
        query = filter.Status is { } s ? query.Where(c => c.Status == s) : query;
        var found = await SearchedPage<CarrierRow>.OfAsync(words, query, all => all.OrderBy(c => c.Type).ThenBy(c => c.Name).ThenBy(c => c.Id),
            ranked => ranked.ThenBy(c => c.Type).ThenBy(c => c.Name).ThenBy(c => c.Id),
            c => new CarrierRow(c.Id, c.Name, c.Type, c.Level, c.HostName, c.RegionCode, c.RecognitionYear, c.Status, c.Capabilities), page, ct, terms);
        return new CarrierListPage(found.Rows, filter, canRegister, found.Marks, found.StandIns);
    }
}
