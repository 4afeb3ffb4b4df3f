using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// Duties the plan gives one municipal department (组织部 sets targets, 经信局 keeps 三首, 市场监管局 the infringer list) are
/// configured by the department's credit code: the actor holds the duty when it is a Department user of an active
/// organization whose code is listed.
/// </summary>
public static class DepartmentDuty
{
    public static async Task<bool> HeldByAsync(PortalDbContext db, ICurrentActor actor, IReadOnlyCollection<string> creditCodes, CancellationToken ct)
    {
        if (actor.OrganizationStatus != OrganizationStatus.Active || !actor.IsInRole(PortalRoles.Department) || creditCodes.Count == 0)
        {
            return false;
        }

        var me = actor.OrganizationId;
        var code = await db.Organizations.AsNoTracking().Where(o => o.Id == me).Select(o => o.CreditCode).SingleOrDefaultAsync(ct);
        return code is not null && creditCodes.Contains(code, StringComparer.Ordinal);
    }
}
