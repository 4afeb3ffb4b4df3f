using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

/// <summary>
/// 侵权企业名录: the department holding the duty (<see cref="InfringerOptions.RecordingDepartments"/>, 市市场监管局) records
/// entries and takes them off; the bureau reads the whole list with it; everyone reads the entries in their publication
/// period. Every right needs an active organization.
/// </summary>
public sealed class InfringerPermissions(ICurrentActor actor, DepartmentDuty duty, IOptions<InfringerOptions> options) : IModulePermissions
{
    /// <summary>Records entries and takes them off (the recording department).</summary>
    public Task<bool> RecordsAsync(CancellationToken ct) => duty.HeldAsync(options.Value.RecordingDepartments, ct);

    /// <summary>Reads the whole list, taken-off entries included (the recording department and the bureau).</summary>
    public async Task<bool> ReadsAllAsync(CancellationToken ct) => actor.Acts(PortalRoles.Bureau) || await RecordsAsync(ct);
}
