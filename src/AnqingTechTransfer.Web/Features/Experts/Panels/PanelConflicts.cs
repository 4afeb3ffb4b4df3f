using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>
/// The conflicts of experts with a panel's subject, recomputed from the experts' current data and the portal's own records
/// (registered contracts and joint 揭榜挂帅 projects of the last three years): at the draw, on every view of a panel under
/// review, and before excluding a sitting expert.
/// </summary>
public sealed class PanelConflicts(PortalDbContext db) : Shared.IUseCase
{
    /// <summary>The conflicts of every expert with the subject, from the experts' data and the portal's contracts.</summary>
    public async Task<IReadOnlyList<Conflict>> ConflictsAsync(ReviewSubject subject, IReadOnlyList<Expert> experts, DateOnly today, CancellationToken ct)
    {
        var units = subject.Units.ToList();
        var since = new DateTimeOffset(today.AddYears(-ConflictRules.CollaborationYears).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var contracts = await db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= since && (units.Contains(c.Seller.CreditCode) || units.Contains(c.Buyer.CreditCode)))
            .Select(c => new { Seller = c.Seller.CreditCode, Buyer = c.Buyer.CreditCode, c.RegisteredAt, c.RegistrationNumber, c.ProjectName })
            .ToListAsync(ct);
        // Joint projects: a 揭榜挂帅 project binds the team that took the problem and the enterprise that posted it.
        var sinceDay = today.AddYears(-ConflictRules.CollaborationYears);
        var joint = await (from p in db.Projects.AsNoTracking()
                           where p.PosterOrganizationId != null && p.StartsOn >= sinceDay
                           join a in db.Organizations.AsNoTracking() on p.OrganizationId equals a.Id
                           join b in db.Organizations.AsNoTracking() on p.PosterOrganizationId equals b.Id
                           where units.Contains(a.CreditCode) || units.Contains(b.CreditCode)
                           select new { A = a.CreditCode, B = b.CreditCode, p.StartsOn, p.Title }).ToListAsync(ct);
        var collaborations = contracts.Select(c => new Collaboration(c.Seller, c.Buyer, DateOnly.FromDateTime(c.RegisteredAt!.Value.UtcDateTime),
                $"技术合同 {c.RegistrationNumber}《{c.ProjectName}》"))
            .Concat(joint.Select(j => new Collaboration(j.A, j.B, j.StartsOn, $"联合承担揭榜挂帅项目《{j.Title}》")))
            .ToList();
        return experts.SelectMany(e => ConflictRules.Find(e, subject, collaborations, today)).ToList();
    }
}
