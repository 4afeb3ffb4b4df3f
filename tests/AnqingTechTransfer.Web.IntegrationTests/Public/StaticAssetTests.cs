using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Public;

/// <summary>
/// Static files (issue 26): the stylesheets and scripts a page links are the static-asset manifest's fingerprinted URLs, served
/// with a year's immutable cache lifetime; the same file under its plain name is revalidated, never immutable.
/// </summary>
public class StaticAssetTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    public async Task The_css_and_js_a_page_links_are_fingerprinted_and_cached_for_a_year_as_immutable(string url)
    {
        var page = await fx.Anonymous().GetPageAsync(url);
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        assets.Should().Contain(a => a.Contains("/css/site.", StringComparison.Ordinal)).And.Contain(a => a.Contains("/js/site.", StringComparison.Ordinal))
            .And.Contain(a => a.Contains("bootstrap", StringComparison.Ordinal)).And.Contain(a => a.Contains("jquery", StringComparison.Ordinal));
        var client = fx.Anonymous();
        foreach (var asset in assets)
        {
            asset.Should().NotContain("?v=", "the fingerprint is in the file name, not a query string");
            var response = await client.GetAsync(asset);
            response.StatusCode.Should().Be(HttpStatusCode.OK, asset);
            response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(365), asset);
            response.Headers.CacheControl.Extensions.Select(e => e.Name).Should().Contain("immutable", asset);
        }
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    public async Task A_file_under_its_plain_name_is_revalidated_not_immutable(string url)
    {
        var response = await fx.Anonymous().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl?.Extensions.Select(e => e.Name).Should().NotContain("immutable");
        (response.Headers.CacheControl?.MaxAge ?? TimeSpan.Zero).Should().BeLessThan(TimeSpan.FromDays(1));
        response.Headers.ETag.Should().NotBeNull("a browser revalidates it by its ETag");
    }
}
