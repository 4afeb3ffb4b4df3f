using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>The host keeps its carrier's profile; the bureau or the county or park of its region revokes it. On the version read.</summary>
public class KeepCarrierHandler(PortalDbContext db, CarrierPermissions permissions) : IUseCase
{
    public async Task<RecordResult<Carrier>> ProfileAsync(Guid id, string? contactName, string? contactPhone, string? capabilities, string? brokers, uint version,
        CancellationToken ct) =>
        await db.StepAsync(await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CarrierPermissions.Host, c), version,
            c => c.UpdateProfile(contactName ?? string.Empty, contactPhone ?? string.Empty, capabilities ?? string.Empty,
                (brokers ?? string.Empty).Split(['\n', ',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), ct);

    public async Task<RecordResult<Carrier>> RevokeAsync(Guid id, string? reason, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CarrierPermissions.Keep, c), version,
            c => c.Revoke(reason ?? string.Empty), ct);
}
