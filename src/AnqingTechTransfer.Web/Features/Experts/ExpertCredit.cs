using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts;

/// <summary>
/// What sanctions in plan projects cost experts in the pool's credit score (issue 23 §7): a sanction names the responsible
/// person by the keyed hash of their ID number, the same key the expert record carries. One statement for a page of experts.
/// The score is the same whoever reads it: the expert themself and the organization that recommended them see the sanctions'
/// cost, not the sanctions (which belong to projects they may not see), so the count is read as the system.
/// </summary>
public static class ExpertCredit
{
    public static async Task<IReadOnlyDictionary<string, int>> PenaltiesAsync(this PortalDbContext db, IEnumerable<string> personKeys, DateOnly today, CancellationToken ct)
    {
        var keys = personKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var since = today.AddYears(-3);
        using var system = Tenancy.CurrentActor.BeginSystemScope();
        var sanctions = await db.ProjectSanctions.AsNoTracking().Where(s => s.PersonKey != null && keys.Contains(s.PersonKey) && s.DecidedOn > since).ToListAsync(ct);
        return sanctions.GroupBy(s => s.PersonKey!).ToDictionary(g => g.Key, g => ProjectSanction.PenaltyOn(g, today));
    }
}
