using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

public class SecurityBaselineTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/error/404")]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        using var client = fx.Anonymous();
        var response = await client.GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_the_session_cookie_is_secure_host_only_and_http_only()
    {
        using var client = fx.Anonymous();
        var login = await client.GetAsync("/account/login");
        login.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");

        var signIn = await client.PostFormAsync("/account/login", new() { ["UserName"] = "ent.a", ["Password"] = Data.Seed.DemoSeed.DefaultPassword }, "/account/login");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-aq.auth=", StringComparison.Ordinal));
        cookie.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/");
    }

    [Fact]
    public async Task Signed_in_pages_are_not_cached()
    {
        using var client = await fx.SignInAsync("ent.a");
        var response = await client.GetAsync("/workspace");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400()
    {
        using var client = await fx.SignInAsync("ent.a");
        var response = await client.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK, "the refused sign-out did not happen");

        using var anonymous = fx.Anonymous();
        var login = await anonymous.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "ent.a", ["Password"] = Data.Seed.DemoSeed.DefaultPassword,
        }));
        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Error_pages_are_in_chinese_with_a_correlation_id_and_no_stack_trace()
    {
        using var client = fx.Anonymous();
        var response = await client.GetAsync("/no/such/page");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("页面不存在").And.Contain("请求编号").And.NotContain("Exception");
        html.Should().Contain(response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        using var client = fx.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        // Healthy; or Degraded by the working-day calendar alone when today is within 60 working days of its end (the real
        // date decides here: CalendarCoverageTests pin both cases with the clock set).
        var lines = (await ready.Content.ReadAsStringAsync()).Split('\n');
        lines[0].Should().BeOneOf("Healthy", "Degraded");
        lines.Skip(1).Should().AllSatisfy(line => line.Should().StartWith("calendar: Degraded"));
        (lines[0] == "Healthy").Should().Be(lines.Length == 1);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_any_page_that_is_not_public()
    {
        using var client = fx.Anonymous();
        var response = await client.GetAsync("/workspace");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/login");
    }
}
