namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>
/// 等保 L3-CES1-03: the administration pages (/admin/…) answer only from the networks the security administrator allows
/// (an empty list allows all). Behind a proxy the address is the client's, taken from X-Forwarded-For of the known proxies.
/// The operators' metrics (/metrics, <see cref="PortalMetrics"/>) answer from the same networks, and only from loopback while
/// the list is empty; elsewhere they do not exist (404).
/// </summary>
public class AdminNetworkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SecurityPolicyProvider policies)
    {
        if (context.Request.Path.StartsWithSegments(PortalMetrics.Path, StringComparison.OrdinalIgnoreCase)
            && !(await policies.CurrentAsync(context.RequestAborted)).MetricsReachableFrom(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && !(await policies.CurrentAsync(context.RequestAborted)).AdminReachableFrom(context.Connection.RemoteIpAddress))
        {
            context.RequestServices.GetRequiredService<ILogger<AdminNetworkMiddleware>>()
                .LogWarning("Administration refused from {Address}: not in the allow-list", context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("当前网络地址不在管理后台访问白名单内，请从单位内网访问或联系安全管理员。", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
