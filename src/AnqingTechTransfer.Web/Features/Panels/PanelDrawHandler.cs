using System.Security.Cryptography;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Panels;

/// <summary>
/// Draws a panel: the whole pool as it stands, every conflict recomputed from the experts' current data and the portal's
/// own records (registered contracts and joint 揭榜挂帅 projects of the last three years), a fresh random seed, and the complete record (seed, pool
/// snapshot, conflicts, exclusions, result) kept on the panel and in the audit log, so the draw can be re-run.
/// </summary>
public class PanelDrawHandler(PortalDbContext db) : Shared.IUseCase
{
    public async Task<DrawRecord> DrawAsync(ReviewPanel panel, DrawCriteria criteria, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var experts = await db.Experts.AsNoTracking().Include(e => e.Events).Where(e => e.Status == ExpertStatus.Active).ToListAsync(ct);
        var conflicts = await ConflictsAsync(panel.Subject, experts, today, ct);
        var pool = experts.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, e.Profile.IsLocal,
            e.CreditScore(today), e.IsAvailableOn(criteria.ReviewDate))).ToList();
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var record = ExpertDraw.Run(seed, criteria, pool, conflicts);
        panel.RecordDraw(record, experts.ToDictionary(e => e.Id, e => e.UserId), now);
        db.Audit("抽取专家", AuditOutcome.Success, nameof(ReviewPanel), panel.Id.ToString(),
            $"种子 {seed}；候选 {pool.Count} 人，排除 {record.Result.Exclusions.Count} 人（含回避 {conflicts.Select(c => c.ExpertId).Distinct().Count()} 人）；" +
            $"抽中 {string.Join(",", record.Result.Selected)}；备选 {string.Join(",", record.Result.Reserves)}");
        return record;
    }

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
