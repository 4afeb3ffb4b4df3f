using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

public sealed record CarrierRow(Guid Id, string Name, CarrierType Type, CarrierLevel Level, string HostName, string RegionCode, int? RecognitionYear, CarrierStatus Status);

public sealed record CarrierQuery(string? Q, CarrierType? Type, CarrierLevel? Level, string? Region, CarrierStatus? Status);

public sealed record CarrierListPage(PagedList<CarrierRow> Rows, CarrierQuery Query, bool CanRegister);

/// <summary>The public catalogue of carriers, searched by name or host and filtered by type, level, region and status.</summary>
public class ListCarriersHandler(PortalDbContext db) : IUseCase
{
    public async Task<CarrierListPage> HandleAsync(CarrierQuery filter, int page, bool canRegister, CancellationToken ct)
    {
        var query = db.Carriers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.HostName, pattern));
        }

        query = filter.Type is { } t ? query.Where(c => c.Type == t) : query;
        query = filter.Level is { } l ? query.Where(c => c.Level == l) : query;
        query = string.IsNullOrEmpty(filter.Region) ? query : query.Where(c => c.RegionCode == filter.Region);
        query = filter.Status is { } s ? query.Where(c => c.Status == s) : query;
        var rows = await query.OrderBy(c => c.Type).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CarrierRow(c.Id, c.Name, c.Type, c.Level, c.HostName, c.RegionCode, c.RecognitionYear, c.Status)).ToPagedListAsync(page, ct: ct);
        return new CarrierListPage(rows, filter, canRegister);
    }
}
