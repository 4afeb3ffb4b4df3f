namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// A request body the framework cannot read as a form (NUL or invalid characters, a broken multipart boundary, a body too
/// large) is the client's fault: 400 with a Chinese message, not a 500 (等保 L3-CES1-20, the form fuzz test).
/// </summary>
public class MalformedRequestMiddleware(RequestDelegate next, ILogger<MalformedRequestMiddleware> logger)
{
    private const string Message = "提交的内容无法识别（含有不允许的字符或格式不正确），请检查后重新提交。";

    public async Task InvokeAsync(HttpContext context)
    {
        // A NUL character is never valid text (PostgreSQL refuses it in any text value): refused before it reaches a query,
        // in the query string (found by scripts/security-scan.sh as 500s on list searches) or in a form body.
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true || await FormBodyHasNulAsync(context.Request))
        {
            logger.LogWarning("Request with a NUL character refused: {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message, context.RequestAborted);
            return;
        }

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
            await context.Response.WriteAsync(Message, context.RequestAborted);
        }
    }

    /// <summary>A URL-encoded form body with a raw NUL byte or an encoded %00; the body is buffered and rewound for the form reader.</summary>
    private static async Task<bool> FormBodyHasNulAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        request.EnableBuffering();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        var found = false;
        try
        {
            byte previous = 0, beforePrevious = 0;
            int read;
            while (!found && (read = await request.Body.ReadAsync(buffer.AsMemory(0, buffer.Length), request.HttpContext.RequestAborted)) > 0)
            {
                for (var i = 0; i < read && !found; i++)
                {
                    var b = buffer[i];
                    found = b == 0 || (beforePrevious == (byte)'%' && previous == (byte)'0' && b == (byte)'0');
                    (beforePrevious, previous) = (previous, b);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            request.Body.Position = 0;
        }

        return found;
    }

    private static bool IsMalformedBody(Exception e) => e switch
    {
        InvalidDataException => true,
        BadHttpRequestException => true,
        _ => e.InnerException is { } inner && IsMalformedBody(inner),
    };
}
