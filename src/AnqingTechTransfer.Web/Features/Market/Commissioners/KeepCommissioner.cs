using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

/// <summary>
/// The organization that registered a commissioner keeps their record (the bureau may help any; 市经信局 its kind): it
/// assigns enterprises and logs services. A broken rule stays the filter's flash message (no form here).
/// </summary>
public sealed class KeepCommissionerHandler(PortalDbContext db, CommissionerPermissions permissions, TimeProvider clock) : IUseCase
{
    public Task<RecordResult<Commissioner>> AssignAsync(Guid id, string? enterpriseName, string? creditCode, uint version, CancellationToken ct) =>
        KeepAsync(id, version, c => c.Assign(enterpriseName ?? string.Empty, creditCode ?? string.Empty, Display.Today(clock)), ct);

    public Task<RecordResult<Commissioner>> LogAsync(Guid id, DateOnly? on, ServiceKind kind, string? enterpriseName, string? text, uint version, CancellationToken ct) =>
        KeepAsync(id, version, c => c.Log(on ?? Display.Today(clock), kind, enterpriseName ?? string.Empty, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow()), ct);

    private async Task<RecordResult<Commissioner>> KeepAsync(Guid id, uint version, Action<Commissioner> step, CancellationToken ct)
    {
        await permissions.LoadAsync(ct);
        return await db.StepAsync(await db.Commissioners.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CommissionerPermissions.Edit, c), version,
            step, ct);
    }
}
