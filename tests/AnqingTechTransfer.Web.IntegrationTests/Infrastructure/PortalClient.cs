using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>An HttpClient with its own cookies, that reads pages and posts forms with their antiforgery token.</summary>
public sealed class PortalClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The Cookie header this client would send (to replay it from elsewhere).</summary>
    public string CookieHeader => Cookies.GetCookieHeader(PortalFixture.BaseAddress);

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} should show a page");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The antiforgery token of the first form on a page (following the account gate's redirects).</summary>
    public async Task<string> TokenAsync(string from = "/account/security")
    {
        var url = from;
        for (var hop = 0; hop < 4; hop++)
        {
            var response = await Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } next)
            {
                url = next.OriginalString;
                continue;
            }

            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"no antiforgery token on {url}");
        }

        throw new InvalidOperationException($"too many redirects from {from}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(tokenFrom ?? "/account/security") };
        return await Http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>A form whose fields may repeat (several checked boxes of one name).</summary>
    public async Task<HttpResponseMessage> PostPairsAsync(string url, params (string Key, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", await TokenAsync("/account/security")));
        return await Http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> PostMultipartAsync(string url, Dictionary<string, string> fields, (string Field, string FileName, byte[] Bytes)? file, string tokenFrom) =>
        PostFilesAsync(url, fields, tokenFrom, file is { } one ? [one] : []);

    /// <summary>A multipart form with any number of files, each under its own field.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(string url, Dictionary<string, string> fields, string tokenFrom, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(await TokenAsync(tokenFrom)), "__RequestVerificationToken");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var f in files)
        {
            content.Add(new ByteArrayContent(f.Bytes), f.Field, f.FileName);
        }

        return await Http.PostAsync(url, content);
    }

    public static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;

    public void Dispose() => Http.Dispose();
}
