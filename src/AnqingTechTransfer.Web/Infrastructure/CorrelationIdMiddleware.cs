using Serilog.Context;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>One id per request, in every log line and in the X-Correlation-Id response header (shown on error pages).</summary>
public class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        // Accept a caller's id only when it is short and plain, so it cannot forge log lines.
        var id = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? incoming
            : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        // Again as the response starts: a page served from the output cache brings the headers it was stored with.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }
}
