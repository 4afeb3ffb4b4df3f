using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// What a carrier is made of: the member organizations of a 创新联合体 (named by credit code among the organizations on the
/// portal, with their role) and the location of a 飞地 outside Anqing with its host. The carrier's host or the bureau keeps
/// them (<see cref="CarrierPermissions.Shape"/>), on the version read. A broken rule stays the filter's flash message.
/// </summary>
public class ShapeCarrierHandler(PortalDbContext db, CarrierPermissions permissions, ContractFilingHandler organizations, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Carrier>> AddMemberAsync(Guid id, string? creditCode, ConsortiumRole role, string? duty, uint version, CancellationToken ct)
    {
        var carrier = await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return RecordResult<Carrier>.NotFound;
        }

        if (!permissions.Allows(CarrierPermissions.Shape, carrier))
        {
            return RecordResult<Carrier>.Forbidden;
        }

        var code = CreditCode.Normalize(creditCode ?? string.Empty);
        var member = await organizations.LinkAsync(code, ct) ?? throw new DomainException("该统一社会信用代码没有对应的平台注册单位，请核对", "creditCode");
        return await db.StepAsync(carrier, _ => true, version, c => c.AddMember(member.Id, member.Name, role, duty ?? string.Empty, clock.GetUtcNow()), ct);
    }

    public async Task<RecordResult<Carrier>> RemoveMemberAsync(Guid id, Guid organizationId, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CarrierPermissions.Shape, c), version,
            c => c.RemoveMember(organizationId), ct);

    public async Task<RecordResult<Carrier>> LocateAsync(Guid id, string? province, string? city, string? address, string? host, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, ct), c => permissions.Allows(CarrierPermissions.Shape, c), version,
            c => c.LocateEnclave(province ?? string.Empty, city ?? string.Empty, address ?? string.Empty, host ?? string.Empty), ct);
}
