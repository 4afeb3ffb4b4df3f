using System.Net;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Public;

/// <summary>
/// The anonymous public pages through the output cache (issue 26): served from an instance's cache while nothing they read
/// has changed, seen anew on every instance at the next request after a write through any of them, and never crossed between
/// an anonymous request and a signed-in one.
/// </summary>
public class PublicPageCacheTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly string[] Pages =
        ["/", "/notices", "/notices?kind=Notice&page=1", "/projects", "/needs", "/needs?q=%E6%B2%BB%E7%90%86", "/results", "/carriers", "/index", "/open-data"];

    /// <summary>Served from the output cache: the middleware adds the stored copy's age.</summary>
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<long> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(fx.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM public_pages_version WHERE id = 1", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Instance_B_serves_the_anonymous_notices_from_its_cache_and_shows_a_notice_published_through_A_at_its_next_request()
    {
        await using var second = new PortalFactory(fx.Factory.ConnectionString, fx.Clock);
        var cookies = new CookieContainer();
        var b = new PortalClient(second.CreateDefaultClient(PortalFixture.BaseAddress, new CookieContainerHandler(cookies)), cookies);

        var first = await b.GetAsync("/notices");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var latest = PortalClient.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("main a[href^='/notices/']")!.TextContent.Trim();
        latest.Should().NotBeEmpty();
        var again = await b.GetAsync("/notices");
        FromCache(again).Should().BeTrue("the second anonymous request is answered from B's output cache");
        again.Headers.GetValues(CorrelationIdMiddleware.Header).Single().Should()
            .NotBe(first.Headers.GetValues(CorrelationIdMiddleware.Header).Single(), "a cached page still carries its own request's correlation id");

        // A change the version triggers do not see (replica mode skips triggers) stays unseen: B answers with its stored copy.
        await using (var connection = new NpgsqlConnection(fx.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SET session_replication_role = replica; UPDATE notices SET title = title || '（未经版本行）' WHERE title = @t; SET session_replication_role = origin;",
                connection);
            command.Parameters.AddWithValue("t", latest);
            (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }

        (await (await b.GetAsync("/notices")).Content.ReadAsStringAsync()).Should().NotContain("（未经版本行）", "the page comes from B's cache");

        // Published through A (the fixture's instance): B's next anonymous request reads the moved version and renders anew.
        var before = await VersionAsync();
        var published = await (await fx.As("bureau")).PostFormAsync("/notices/new", new()
        {
            ["Kind"] = "Notice", ["Title"] = "多实例缓存测试：关于成果转化月活动的通知", ["Body"] = "活动安排见附件。", ["MeasureId"] = string.Empty, ["WorkingDays"] = "5",
        }, tokenFrom: "/notices/new");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await VersionAsync()).Should().BeGreaterThan(before, "the insert bumped the version row in its transaction");

        var after = await b.GetAsync("/notices");
        FromCache(after).Should().BeFalse();
        var html = await after.Content.ReadAsStringAsync();
        html.Should().Contain("多实例缓存测试：关于成果转化月活动的通知").And.Contain("（未经版本行）");
        (await (await b.GetAsync("/")).Content.ReadAsStringAsync()).Should().Contain("多实例缓存测试：关于成果转化月活动的通知", "the home page reads the same version");
        FromCache(await b.GetAsync("/notices")).Should().BeTrue("and is cached again");
    }

    [Fact]
    public async Task A_signed_in_page_never_reaches_an_anonymous_request_and_an_anonymous_page_never_reaches_a_signed_in_one()
    {
        var signedIn = await fx.As("bureau");
        var anonymous = fx.Anonymous();
        foreach (var url in Pages)
        {
            var own = await signedIn.GetAsync(url);
            own.StatusCode.Should().Be(HttpStatusCode.OK, url);
            FromCache(own).Should().BeFalse(url);
            own.Headers.CacheControl!.NoStore.Should().BeTrue($"{url}: a signed-in page stays out of shared caches");
            PortalClient.Parse(await own.Content.ReadAsStringAsync()).QuerySelector("#logout-btn").Should().NotBeNull(url);

            foreach (var round in new[] { 1, 2 })
            {
                var response = await anonymous.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                FromCache(response).Should().Be(round == 2, $"{url}: stored at the first anonymous request, served at the second");
                var html = await response.Content.ReadAsStringAsync();
                var page = PortalClient.Parse(html);
                page.QuerySelector("#logout-btn").Should().BeNull($"{url}: no signed-in layout in an anonymous page");
                page.QuerySelector("#user-menu").Should().BeNull(url);
                html.Should().NotContain("__RequestVerificationToken", $"{url}: no antiforgery token in a page shared by every anonymous visitor");
                response.Headers.Contains("Set-Cookie").Should().BeFalse($"{url}: a page that sets a cookie is not stored (the TempData deletion is no longer sent without the cookie)");
            }

            var ownAgain = await signedIn.GetAsync(url);
            FromCache(ownAgain).Should().BeFalse($"{url}: a signed-in request is never answered from the cache");
            PortalClient.Parse(await ownAgain.Content.ReadAsStringAsync()).QuerySelector("#logout-btn").Should().NotBeNull(url);
        }

        // A request with a session cookie, even one that no longer signs anybody in, is neither served from nor stored into the cache.
        foreach (var cookie in new[] { "aq.auth=expired", "__Host-aq.auth=expired", ".AspNetCore.Mvc.CookieTempDataProvider=x" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/notices");
            request.Headers.Add("Cookie", cookie);
            var response = await fx.Factory.CreateDefaultClient(PortalFixture.BaseAddress).SendAsync(request);
            FromCache(response).Should().BeFalse(cookie);
        }
    }

    [Fact]
    public async Task Every_table_the_public_pages_read_bumps_the_version_on_a_change_and_a_statement_that_changes_nothing_does_not()
    {
        var triggered = await fx.WithDbAsync((db, _) => db.Database.SqlQuery<string>($"""
            SELECT DISTINCT c.relname AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE p.proname = 'public_pages_version_bump'
            """).ToListAsync());
        triggered.Should().BeEquivalentTo(PublicPageCachePolicy.Tables);

        await using var connection = new NpgsqlConnection(fx.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in PublicPageCachePolicy.Tables)
        {
            var before = await VersionAsync();
            await using (var nothing = new NpgsqlCommand($"UPDATE {table} SET id = id WHERE false", connection))
            {
                await nothing.ExecuteNonQueryAsync();
            }

            (await VersionAsync()).Should().Be(before, $"{table}: an update of no row leaves the cache alone");
            await using (var touch = new NpgsqlCommand($"UPDATE {table} SET id = id WHERE id = (SELECT id FROM {table} LIMIT 1)", connection))
            {
                await touch.ExecuteNonQueryAsync();
            }

            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            var rows = await count.ExecuteScalarAsync();
            (await VersionAsync()).Should().Be((long)rows! > 0 ? before + 1 : before, $"{table}: a changed row moves the version");
        }
    }
}
