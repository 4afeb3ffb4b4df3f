using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// When the database is away (restarting, failing over) past what the execution strategy retries, the request gets a
/// 503 with Retry-After and a plain Chinese page that needs no database, instead of a 500. The connection pool is
/// cleared, so the first requests after the database is back do not each meet a dead pooled connection.
/// </summary>
public class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsDatabaseAway(e) && !context.Response.HasStarted)
        {
            logger.LogWarning(e, "The database is unavailable; answered 503");
            NpgsqlConnection.ClearAllPools();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page);
        }
    }

    public static bool IsDatabaseAway(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException || e is NpgsqlException { IsTransient: true } || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" })
            {
                return true;
            }
        }

        return false;
    }

    private const string Page = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>系统正在恢复 - 安庆市科技成果转化应用服务平台</title></head>
        <body>
        <h1>系统正在恢复，请稍候重试</h1>
        <p>数据库暂时不可用，通常几秒内即可恢复。请稍候刷新本页。</p>
        <p>如果您刚才提交了表单而没有看到“成功”提示，可以直接重新提交：同一次提交不会被重复保存。</p>
        </body></html>
        """;
}
