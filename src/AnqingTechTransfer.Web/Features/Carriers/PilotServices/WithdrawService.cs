using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

/// <summary>
/// 撤回中试服务: the pilot base that published a service (or the bureau) withdraws it with a reason, on the version it read.
/// It leaves the public list (the tenant filter keeps it for its base and the city); every organization with a request
/// still open on it (submitted or accepted) is told in the same unit of work. The answer is the carrier's id. A broken rule
/// stays the filter's flash message.
/// </summary>
public class WithdrawServiceHandler(PortalDbContext db, CarrierPermissions permissions, Notifier notifier, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, string? reason, uint version, CancellationToken ct)
    {
        var service = await db.PilotServices.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Withdraws(service))
        {
            return RecordResult<Guid>.Forbidden;
        }

        db.Entry(service).Property<uint>("Version").OriginalValue = version;
        service.Unpublish(reason ?? string.Empty, clock.GetUtcNow());
        var open = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.ServiceId == id && (r.Status == ServiceRequestStatus.Requested || r.Status == ServiceRequestStatus.Accepted))
            .Select(r => r.RequesterOrganizationId).Distinct().ToListAsync(ct);
        foreach (var requester in open)
        {
            await notifier.ToOrganizationAdminsAsync(requester, "中试服务已撤回",
                $"您申请的中试服务“{service.Title}”（{service.CarrierName}）已撤回，理由：{service.WithdrawalReason}。请与中试基地联系后续安排。", "/carriers/requests", ct, MessageKind.Carriers);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(service.CarrierId);
    }
}
