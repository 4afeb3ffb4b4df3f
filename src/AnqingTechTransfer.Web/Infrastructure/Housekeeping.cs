using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using AnqingTechTransfer.Web.Infrastructure.Security;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The portal's periodic chores, every six hours and at start; each is idempotent, so several instances may run them:
/// <list type="bullet">
/// <item>等保 L3-CES1-07 (remove stale accounts): disables the accounts not signed in for Security:InactiveDisableDays, each
/// with an audit entry. Sign-in applies the same rule at once (Account/SignIn: SignInHandler); this keeps the user lists honest.</item>
/// <item>Forgets submission keys (Submissions/IdempotentSubmissionFilter) older than a day.</item>
/// <item>Checks every review panel under review again for conflicts found after the draw (Experts/Panels: PanelRecheckHandler),
/// for what changed without a step of the portal (an employer's three years running out counts the other way and needs none).</item>
/// </list>
/// </summary>
public class Housekeeping(IServiceScopeFactory scopes, IOptions<SecurityOptions> options, TimeProvider clock, ILogger<Housekeeping> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await DisableDormantAccountsAsync(stoppingToken);
                await ForgetOldSubmissionKeysAsync(stoppingToken);
                await RecheckPanelsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Housekeeping failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Submission keys (Submissions/IdempotentSubmissionFilter) are needed for minutes; a day is plenty.</summary>
    public async Task<int> ForgetOldSubmissionKeysAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoff = clock.GetUtcNow().AddDays(-1);
        return await db.Set<Submissions.FormSubmission>().Where(s => s.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    public async Task<int> RecheckPanelsAsync(CancellationToken ct)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Features.Experts.Panels.PanelRecheckHandler>().AllAsync(ct)).Count;
    }

    public async Task<int> DisableDormantAccountsAsync(CancellationToken ct)
    {
        var days = options.Value.InactiveDisableDays;
        if (days <= 0)
        {
            return 0;
        }

        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var dormant = await db.Users.Where(u => !u.IsDisabled && (u.LastSignInAt ?? u.CreatedAt) < cutoff && (u.LastSignInAt != null || u.CreatedAt > DateTimeOffset.MinValue)).OrderBy(u => u.Id).Take(500).ToListAsync(ct);
        foreach (var user in dormant)
        {
            user.IsDisabled = true;
            user.SecurityStamp = Guid.NewGuid().ToString("N"); // any open session ends at its next stamp check
            db.Audit("长期未使用停用", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), $"超过{days}天未登录（定期清理）", user.Id, user.UserName, user.OrganizationId);
        }

        await db.SaveChangesAsync(ct);
        if (dormant.Count > 0)
        {
            logger.LogInformation("Disabled {Count} account(s) unused for {Days} days", dormant.Count, days);
        }

        return dormant.Count;
    }
}
