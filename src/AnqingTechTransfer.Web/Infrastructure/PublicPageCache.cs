using System.Globalization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The anonymous public pages (home, notices, projects, needs, results, carriers, the index, open data; each with its list's
/// query string) are kept by ASP.NET Core's output cache, per instance, for anonymous requests only (issue 26).
/// <para>
/// Invalidation is the cockpit's: one version row, <c>public_pages_version</c>, bumped in the writing transaction by a trigger on
/// every table these pages read (migration PublicPagesVersion). Each anonymous request reads it (one statement) and the cache key
/// varies by it and by today's date, so a write through any instance is seen at the next request on every other; older entries
/// are never served again and expire.
/// </para>
/// <para>
/// Never cached, looked up or stored: a request that is signed in, or carries an Authorization header, or any cookie but the
/// antiforgery one (the session, the two-factor step, TempData's flash message); and a response that is not 200, sets a cookie,
/// or says no-store/no-cache/private (antiforgery marks every response that carries a token so; these pages render none for an
/// anonymous request, their search forms use GET).
/// </para>
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public-pages";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The tables whose writes bump the version (kept in step with the migration's triggers; a test reads them back).</summary>
    public static readonly string[] Tables =
    [
        "notices", "tech_needs", "tech_results", "code_entries", "project_calls", "project_programmes", "project_problems", "carriers", "index_publications",
    ];

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = IsAnonymous(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        if (anonymous)
        {
            var db = http.RequestServices.GetRequiredService<PortalDbContext>();
            var version = await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM public_pages_version WHERE id = 1").SingleAsync(cancellation);
            var today = Display.Today(http.RequestServices.GetRequiredService<TimeProvider>());
            context.CacheVaryByRules.VaryByValues["public-version"] = version.ToString(CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A GET or HEAD with no sign-in and no cookie but the antiforgery one.</summary>
    public static bool IsAnonymous(HttpContext http)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || http.User.Identity?.IsAuthenticated == true
            || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        var antiforgeryCookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return request.Cookies.All(c => c.Key == antiforgeryCookie);
    }
}

public static class PublicPageCacheExtensions
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // Per instance; a flood of distinct query strings is bounded here (the store drops entries past the limit).
            o.SizeLimit = 64L * 1024 * 1024;
            o.MaximumBodySize = 2L * 1024 * 1024;
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy());
        });
        return services;
    }
}
