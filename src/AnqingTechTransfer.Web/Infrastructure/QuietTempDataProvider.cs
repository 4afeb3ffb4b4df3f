using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The framework's cookie TempData, less one header: every page reads TempData for its flash message, and with nothing to keep
/// the framework answers with a Set-Cookie that deletes the TempData cookie even when the request has none. That header is a
/// no-op for the browser, but it makes every page a response that sets a cookie, which no cache may store (the public pages'
/// output cache, PublicPageCachePolicy). Here it is sent only when the request carries the cookie (or one of its chunks).
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal)))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
