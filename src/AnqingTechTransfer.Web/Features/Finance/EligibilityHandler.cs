using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance;

/// <summary>The qualifications an enterprise holds on a day, from its confirmed records on the portal.</summary>
public class EligibilityHandler(PortalDbContext db) : Shared.IUseCase
{
    public async Task<Qualifications> HeldAsync(Guid organizationId, string creditCode, DateOnly today, CancellationToken ct)
    {
        var held = Qualifications.None;
        if (await db.HighTechRecords.AsNoTracking().AnyAsync(r => (r.OrganizationId == organizationId || r.CreditCode == creditCode)
                && r.Confirmation == Confirmation.Confirmed && r.IssuedOn <= today && r.ValidUntil >= today, ct))
        {
            held |= Qualifications.HighTech;
        }

        if (await db.TechSmeRecords.AsNoTracking().AnyAsync(r => (r.OrganizationId == organizationId || r.CreditCode == creditCode)
                && r.Confirmation == Confirmation.Confirmed && r.Year == today.Year, ct))
        {
            held |= Qualifications.TechSme;
        }

        // A 专精特新 recognition holds for three years.
        if (await db.SpecializedRecords.AsNoTracking().AnyAsync(r => (r.OrganizationId == organizationId || r.CreditCode == creditCode)
                && r.Confirmation == Confirmation.Confirmed && r.Year >= today.Year - 2 && r.Year <= today.Year, ct))
        {
            held |= Qualifications.Specialized;
        }

        return held;
    }
}
