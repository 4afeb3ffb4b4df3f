using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

public sealed record ServiceRow(Guid Id, Guid CarrierId, string CarrierName, string Title, string Equipment, string Scale, string PriceRange, string RegionCode);

public sealed record ServicesPage(PagedList<ServiceRow> Rows, bool SignedIn);

/// <summary>中试服务: the services the pilot bases have published, newest first.</summary>
public class ListServicesHandler(PortalDbContext db) : IUseCase
{
    public async Task<ServicesPage> HandleAsync(int page, bool signedIn, CancellationToken ct) =>
        new(await db.PilotServices.AsNoTracking().Where(s => s.IsPublished).OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new ServiceRow(s.Id, s.CarrierId, s.CarrierName, s.Title, s.Equipment, s.Scale, s.PriceRange, s.RegionCode)).ToPagedListAsync(page, ct: ct), signedIn);
}
