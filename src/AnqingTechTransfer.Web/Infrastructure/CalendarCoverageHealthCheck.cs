using AnqingTechTransfer.Web.Features.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// Degraded (never Unhealthy) when the working-day calendar does not cover the next 60 working days: the portal still serves
/// every request, so readiness must not take it out of the load balancer, but operators reading <c>/health/ready</c> see that
/// the bureau has a year to enter (docs/operations.md §4). The description is in Chinese and English.
/// </summary>
public class CalendarCoverageHealthCheck(ContractCalendarHandler calendar) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outlook = await calendar.OutlookAsync(cancellationToken);
        return outlook.IsShort
            ? HealthCheckResult.Degraded($"{outlook.Warning} / {outlook.WarningEnglish}")
            : HealthCheckResult.Healthy();
    }
}
