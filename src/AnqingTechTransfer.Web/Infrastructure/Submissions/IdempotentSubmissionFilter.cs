using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
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
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

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
        while (!await ClaimAsync(key, ct) && !await TakeOverAsync(key, ct))
        {
            var done = await db.Database.SqlQuery<Claim>($"""
                SELECT location AS "Location", committed AS "Committed" FROM form_submissions WHERE user_id = {actor.UserId} AND submission_key = {key}
                """).ToListAsync(ct);
            if (done is [{ Location: { } location }])
            {
                logger.LogInformation("Submission {Key} was already made; this copy is sent where it went", key);
                context.Result = new RedirectResult(location);
                return;
            }

            if (waited >= WaitLimit)
            {
                context.Result = done is [{ Committed: true }]
                    ? AlreadySaved(context.HttpContext)
                    : new ContentResult
                    {
                        StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8", Content = "该表单正在提交中，请勿重复提交；请稍后刷新页面查看结果。",
                    };
                return;
            }

            await Task.Delay(100, ct);
            waited += TimeSpan.FromMilliseconds(100);
        }

        db.Submission = new SubmissionMark(actor.UserId, key);
        var succeeded = false;
        try
        {
            var executed = await next();
            if (executed.Exception is DuplicateSubmissionException)
            {
                // A copy that took over a stalled claim lost the race to commit: nothing of this one was written.
                executed.ExceptionHandled = true;
                executed.Result = AlreadySaved(context.HttpContext);
                succeeded = true;
                return;
            }

            var location = executed.Exception is null && context.HttpContext.Response.StatusCode is >= 300 and < 400
                ? context.HttpContext.Response.Headers.Location.ToString()
                : null;
            if (!string.IsNullOrEmpty(location))
            {
                succeeded = true;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE form_submissions SET location = {location} WHERE user_id = {actor.UserId} AND submission_key = {key}
                    """, CancellationToken.None);
            }
        }
        catch (Exception e) when (succeeded)
        {
            // The submission went through; only where it went is unknown (the database dropped just after the commit).
            // Its copies find the claim committed and are told it was saved.
            logger.LogWarning(e, "Submission {Key} was saved but its location could not be recorded", key);
        }
        finally
        {
            if (!succeeded && !db.Submission.Committed)
            {
                try
                {
                    await db.Database.ExecuteSqlAsync($"""
                        DELETE FROM form_submissions WHERE user_id = {actor.UserId} AND submission_key = {key} AND location IS NULL AND NOT committed
                        """, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away: the claim stays, uncommitted, and the next copy takes it over once it is stale.
                    logger.LogWarning(e, "Submission {Key} failed and its claim could not be given back", key);
                }
            }
        }
    }

    private sealed record Claim(string? Location, bool Committed);

    /// <summary>A committed submission whose location is unknown: its copies go to the workspace, told it was saved.</summary>
    private static IActionResult AlreadySaved(HttpContext http)
    {
        http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http)[DomainExceptionFilter.FlashSuccess] =
            "该表单此前已提交成功，本次未重复保存。请在相应列表中查看。";
        return new RedirectResult("/workspace");
    }

    /// <summary>
    /// A claim that never committed and has been still for <see cref="StaleAfter"/> belongs to a request that died (the
    /// database restarted under it): the copy takes it over. Should the first still be alive, the commit mark lets only one commit.
    /// </summary>
    private async Task<bool> TakeOverAsync(Guid key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - StaleAfter;
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE form_submissions SET created_at = {now}
            WHERE user_id = {actor.UserId} AND submission_key = {key} AND location IS NULL AND NOT committed AND created_at < {before}
            """, ct) == 1;
    }

    private async Task<bool> ClaimAsync(Guid key, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO form_submissions (user_id, submission_key, created_at) VALUES ({actor.UserId}, {key}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
}
