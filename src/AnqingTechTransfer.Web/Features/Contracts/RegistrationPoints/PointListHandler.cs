using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>A point with its registrars and how many contracts it holds.</summary>
public sealed record PointRow(RegistrationPoint Point, IReadOnlyList<(Guid UserId, string UserName, string DisplayName)> Registrars, int Contracts);

/// <summary>登记点管理's list: every point (open and closed), its registrars and its number of contracts.</summary>
public class PointListHandler(PortalDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<PointRow>> ListAsync(CancellationToken ct)
    {
        var points = await db.RegistrationPoints.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var registrars = await db.RegistrationPointRegistrars.AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.PointId, u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var counts = await db.TechContracts.AsNoTracking().GroupBy(c => c.RegistrationPointId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return points.Select(p => new PointRow(p, registrars.Where(r => r.PointId == p.Id).Select(r => (r.Id, r.UserName!, r.DisplayName)).ToList(),
            counts.GetValueOrDefault(p.Id))).ToList();
    }
}
