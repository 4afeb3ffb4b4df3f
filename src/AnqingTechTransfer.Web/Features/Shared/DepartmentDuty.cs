using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// Duties the plan gives one municipal department (组织部 sets targets, 经信局 keeps 三首, 市场监管局 the infringer list) are
/// configured by the department's credit code: the actor holds the duty when it acts as a Department user (its
/// organization active) and its organization's code is listed. The permissions classes ask it; the code is read once per
/// request.
/// </summary>
public class DepartmentDuty(PortalDbContext db, ICurrentActor actor)
{
    private string? _ownCreditCode;
    private bool _read;

    public async Task<bool> HeldAsync(IReadOnlyCollection<string> creditCodes, CancellationToken ct)
    {
        if (!actor.Acts(PortalRoles.Department) || creditCodes.Count == 0)
        {
            return false;
        }

        if (!_read)
        {
            _ownCreditCode = await OwnCreditCodeAsync(actor.OrganizationId, ct);
            _read = true;
        }

        return _ownCreditCode is not null && creditCodes.Contains(_ownCreditCode, StringComparer.Ordinal);
    }

    /// <summary>The credit code of the actor's organization (the permissions tables give it without a database).</summary>
    protected virtual Task<string?> OwnCreditCodeAsync(Guid organizationId, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.CreditCode).SingleOrDefaultAsync(ct);
}
