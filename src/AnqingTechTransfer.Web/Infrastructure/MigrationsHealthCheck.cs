using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// Ready only when the database has every migration this build knows. Applied migrations are never taken back, so once the
/// database has them all the answer is kept for the life of the process (the check costs a fifth of a second cold).
/// </summary>
public class MigrationsHealthCheck(PortalDbContext db) : IHealthCheck
{
    private static volatile bool upToDate;

    /// <summary>Set by the startup once it has migrated the database itself.</summary>
    public static void MarkUpToDate() => upToDate = true;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (upToDate)
        {
            return HealthCheckResult.Healthy();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        upToDate = pending.Count == 0;
        return upToDate
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
    }
}
