namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// A request body the framework cannot read as a form (NUL or invalid characters, a broken multipart boundary, a body too
/// large) is the client's fault: 400 with a Chinese message, not a 500 (等保 L3-CES1-20, the form fuzz test).
/// </summary>
public class MalformedRequestMiddleware(RequestDelegate next, ILogger<MalformedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsMalformedBody(e) && !context.Response.HasStarted)
        {
            logger.LogWarning("Malformed request body refused: {Message}", e.Message);
            context.Response.Clear();
            context.Response.StatusCode = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("提交的内容无法识别（含有不允许的字符或格式不正确），请检查后重新提交。", context.RequestAborted);
        }
    }

    private static bool IsMalformedBody(Exception e) => e switch
    {
        InvalidDataException => true,
        BadHttpRequestException => true,
        _ => e.InnerException is { } inner && IsMalformedBody(inner),
    };
}
