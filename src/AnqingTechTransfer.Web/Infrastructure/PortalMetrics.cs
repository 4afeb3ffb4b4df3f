using System.Diagnostics.Metrics;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Npgsql;
using OpenTelemetry.Metrics;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// What operators scrape at <c>/metrics</c> (Prometheus text format, issue 26): requests by route with their latency
/// (<c>http_server_request_duration_seconds</c>), the .NET runtime, Npgsql's connection pool and command durations
/// (<c>db_client_*</c>), and the portal's own job queues (<c>portal_jobs_queued</c>). Answered only from the admin networks
/// (<see cref="AdminNetworkMiddleware"/>; 404 elsewhere). docs/operations.md says how to scrape it.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "AnqingTechTransfer.Portal";
    public const string Path = "/metrics";

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        // Read at each scrape (every 15–60 s), two counts over partial indexes (ix_import_jobs_open, ix_mail_outbox_due).
        meter.CreateObservableGauge("portal.jobs.queued", () => Queued(scopes), unit: "{job}",
            description: "Jobs waiting: imports queued (not yet started) and mails due in the outbox.");
    }

    private static IEnumerable<Measurement<long>> Queued(IServiceScopeFactory scopes)
    {
        using var system = CurrentActor.BeginSystemScope();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        long imports, mails;
        try
        {
            imports = db.ImportJobs.LongCount(j => j.State == ImportState.Queued);
            mails = db.OutboxMails.LongCount(m => m.Status == MailStatus.Pending);
        }
        catch (Exception e) when (e is NpgsqlException || DatabaseUnavailableMiddleware.IsDatabaseAway(e))
        {
            return []; // the database is away: no reading rather than a failed scrape
        }

        return [new(imports, new KeyValuePair<string, object?>("queue", "imports")), new(mails, new KeyValuePair<string, object?>("queue", "mail"))];
    }
}

public static class PortalMetricsExtensions
{
    public static IServiceCollection AddPortalMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PortalMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(PortalMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>The scraping endpoint; the address check is AdminNetworkMiddleware's, ahead of everything else.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<PortalMetrics>(); // creates the gauge before the first scrape
        app.MapPrometheusScrapingEndpoint(PortalMetrics.Path).AllowAnonymous();
        return app;
    }
}
