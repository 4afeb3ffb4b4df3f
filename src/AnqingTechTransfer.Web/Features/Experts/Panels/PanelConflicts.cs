using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>
/// The conflicts of experts with a panel's subject, recomputed from the experts' current data (employer, part-time posts,
/// former employer within three years, declared relations) and the portal's own records of the last three years: technical
/// contracts registered and not cancelled between an expert's unit and the applicant or a partner; projects of any mode
/// (揭榜挂帅, 定向委托, 研发众包, 竞争后补助) that bound both (the applicant and the 发榜方); and the expert on the team of a past
/// project of the applicant or a partner. At the draw, on every view of a panel under review, and before excluding a sitting expert.
/// </summary>
public sealed class PanelConflicts(PortalDbContext db) : Shared.IUseCase
{
    /// <summary>The conflicts of every expert with the subject, from the experts' data and the portal's contracts and projects.</summary>
    public async Task<IReadOnlyList<Conflict>> ConflictsAsync(ReviewSubject subject, IReadOnlyList<Expert> experts, DateOnly today, CancellationToken ct)
    {
        var units = subject.Units.ToList();
        var sinceDay = today.AddYears(-ConflictRules.CollaborationYears);
        var since = new DateTimeOffset(sinceDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Registered contracts: a cancelled registration (注销登记) leaves the Registered state and no longer counts.
        var contracts = await db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= since && (units.Contains(c.Seller.CreditCode) || units.Contains(c.Buyer.CreditCode)))
            .Select(c => new { Seller = c.Seller.CreditCode, Buyer = c.Buyer.CreditCode, c.RegisteredAt, c.RegistrationNumber, c.ProjectName })
            .ToListAsync(ct);
        // Projects of any mode that ran within the three years and involve a unit of the subject: their units (the applicant,
        // the 发榜方) bind each other, and their teams are the applicant's past teams.
        var projects = await (from p in db.Projects.AsNoTracking()
                              where p.EndsOn >= sinceDay
                              join a in db.Organizations.AsNoTracking() on p.OrganizationId equals a.Id
                              join b in db.Organizations.AsNoTracking() on p.PosterOrganizationId equals (Guid?)b.Id into posters
                              from b in posters.DefaultIfEmpty()
                              join app in db.ProjectApplications.AsNoTracking() on p.ApplicationId equals app.Id into apps
                              from app in apps.DefaultIfEmpty()
                              where units.Contains(a.CreditCode) || (b != null && units.Contains(b.CreditCode))
                              select new { A = a.CreditCode, B = b == null ? null : b.CreditCode, p.Mode, p.StartsOn, p.EndsOn, p.Title, Team = app == null ? null : app.Team,
                                  Partners = app == null ? null : app.Partners })
            .ToListAsync(ct);
        var collaborations = contracts.Select(c => new Collaboration(c.Seller, c.Buyer, DateOnly.FromDateTime(c.RegisteredAt!.Value.UtcDateTime),
                $"技术合同登记 {c.RegistrationNumber}《{c.ProjectName}》"))
            .Concat(projects.SelectMany(p => Collaboration.Among([p.A, p.B ?? string.Empty, .. (p.Partners ?? []).Select(x => x.CreditCode)], p.EndsOn < today ? p.EndsOn : today,
                $"联合承担{p.Mode.Name()}项目《{p.Title}》（市科技计划项目记录）")))
            .ToList();
        var pastTeams = projects.Where(p => p.Team is { Count: > 0 })
            .SelectMany(p => new[] { p.A, p.B }.OfType<string>().Where(units.Contains).Select(code => new PastTeam(code, p.Title, p.EndsOn < today ? p.EndsOn : today, p.Team!)))
            .ToList();
        return experts.SelectMany(e => ConflictRules.Find(e, subject, collaborations, today, pastTeams)).ToList();
    }
}
