using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure.Submissions;

/// <summary>
/// QUALITY.md B7.3: a signed-in user's POST that carries a submission key runs once. The first request claims the key
/// (a row of <c>form_submissions</c>, unique per user and key); requests with the same key wait for it and are sent where
/// it went (PRG), so two clicks, two tabs or a hundred concurrent copies make one record and every response is a redirect.
/// A submission that did not go through (the form shown again with its messages, a refusal, an error) gives its key back.
/// </summary>
public class IdempotentSubmissionFilter(PortalDbContext db, ICurrentActor actor, TimeProvider clock, ILogger<IdempotentSubmissionFilter> logger)
    : IAsyncResourceFilter
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || actor.UserId == Guid.Empty
            || !Guid.TryParse((await request.ReadFormAsync(context.HttpContext.RequestAborted))[SubmissionKeyTagHelper.FieldName], out var key))
        {
            await next();
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        var waited = TimeSpan.Zero;
        while (!await ClaimAsync(key, ct))
        {
            var done = await db.Database.SqlQuery<string>($"""
                SELECT location AS "Value" FROM form_submissions WHERE user_id = {actor.UserId} AND submission_key = {key} AND location IS NOT NULL
                """).ToListAsync(ct);
            if (done.Count > 0)
            {
                logger.LogInformation("Submission {Key} was already made; this copy is sent where it went", key);
                context.Result = new RedirectResult(done[0]);
                return;
            }

            if (waited >= WaitLimit)
            {
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8", Content = "该表单正在提交中，请勿重复提交；请稍后刷新页面查看结果。",
                };
                return;
            }

            await Task.Delay(100, ct);
            waited += TimeSpan.FromMilliseconds(100);
        }

        var succeeded = false;
        try
        {
            var executed = await next();
            var location = executed.Exception is null && context.HttpContext.Response.StatusCode is >= 300 and < 400
                ? context.HttpContext.Response.Headers.Location.ToString()
                : null;
            if (!string.IsNullOrEmpty(location))
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE form_submissions SET location = {location} WHERE user_id = {actor.UserId} AND submission_key = {key}
                    """, CancellationToken.None);
                succeeded = true;
            }
        }
        finally
        {
            if (!succeeded)
            {
                await db.Database.ExecuteSqlAsync($"""
                    DELETE FROM form_submissions WHERE user_id = {actor.UserId} AND submission_key = {key} AND location IS NULL
                    """, CancellationToken.None);
            }
        }
    }

    private async Task<bool> ClaimAsync(Guid key, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO form_submissions (user_id, submission_key, created_at) VALUES ({actor.UserId}, {key}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
}
