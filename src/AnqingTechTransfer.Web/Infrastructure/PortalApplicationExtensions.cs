using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;

namespace AnqingTechTransfer.Web.Infrastructure;

public static class PortalApplicationExtensions
{
    /// <summary>Applies migrations, then the reference data (regions, roles, code tables) and, when asked, the demo data.</summary>
    public static async Task PreparePortalDatabaseAsync(this WebApplication app)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Migrate takes a lock on the database and checks its history; an instance starting against an up-to-date database
        // (the usual case, and every instance but the first when scaling out) needs neither.
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }

        MigrationsHealthCheck.MarkUpToDate();
        await Security.GmKeyFile.VerifyAgainstDatabaseAsync(db, scope.ServiceProvider.GetRequiredService<Domain.Security.IGmCrypto>(),
            Security.GmKeyFile.PathFrom(app.Configuration));
        app.Logger.LogInformation("Database schema ready in {Elapsed} ms", clock.ElapsedMilliseconds);
        await ReferenceSeed.RunAsync(scope.ServiceProvider);
        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await DemoSeed.RunAsync(scope.ServiceProvider, app.Configuration["Demo:Password"] ?? DemoSeed.DefaultPassword);
        }

        await PlanMeasureSeed.RunAsync(db, DateTimeOffset.UtcNow);
        app.Logger.LogInformation("Database and reference data ready in {Elapsed} ms", clock.ElapsedMilliseconds);

        if (app.Configuration["Seed:AdminPassword"] is { Length: > 0 } adminPassword)
        {
            await ReferenceSeed.EnsureFirstAdminAsync(scope.ServiceProvider, adminPassword);
        }
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.KnownProxies.Length > 0)
        {
            // Behind a TLS-terminating proxy: take the client address and scheme from the proxies named, and only from them.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<AdminNetworkMiddleware>();
        // The host's own logger (each host keeps one; the static Log.Logger is not set).
        var requestLogger = app.Services.GetService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = requestLogger;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("UserName", http.User.Identity?.Name ?? "anonymous");
                diagnostics.Set("OrganizationId", http.User.FindFirstValue(PortalClaims.OrganizationId) ?? string.Empty);
            };
        });
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            if (security.RequireHttps)
            {
                app.UseHsts();
            }
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseMiddleware<Replica.ReadRouteMiddleware>(); // before anything opens the request's DbContext (ADR 0018)
        app.UseMiddleware<SecurityHeadersMiddleware>();
        var chinese = PortalServiceCollectionExtensions.Chinese;
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(chinese),
            SupportedCultures = [chinese],
            SupportedUICultures = [chinese],
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseAuthorization();
        // After authentication: the public pages' policy serves and stores anonymous requests only (PublicPageCachePolicy).
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReadiness }).AllowAnonymous();
        // The views' tag helpers (asp-append-version) link the static-asset manifest's fingerprinted URLs, served immutable for a year.
        app.MapControllers().WithStaticAssets();
        app.MapBenchEndpoints();
        app.MapPortalMetrics();
        // Unknown addresses get the Chinese 404 page, signed in or not (not a redirect to sign in).
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Plain text: the overall status on the first line ("Healthy" alone when all is well, as before); then one line per check
    /// that is not healthy, "name: Status — description" (e.g. the calendar's Degraded warning, in Chinese and English).
    /// </summary>
    private static Task WriteReadiness(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = new List<string> { report.Status.ToString() };
        lines.AddRange(report.Entries.Where(e => e.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Status} — {e.Value.Description ?? "-"}"));
        return context.Response.WriteAsync(string.Join('\n', lines));
    }
}
