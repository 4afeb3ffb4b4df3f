using AnqingTechTransfer.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// A broken rule or a concurrent edit that an action did not handle itself becomes a Chinese message on the page
/// the user came from, never a 500. Forms that can show the message next to a field catch DomainException themselves.
/// </summary>
public class DomainExceptionFilter(ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public const string FlashError = "FlashError";
    public const string FlashSuccess = "FlashSuccess";
    public const string ConcurrencyMessage = "该记录已被他人修改，您的操作未保存。请刷新页面查看最新内容后重试。";
    public const string TooLongMessage = "填写的内容超过了允许的长度，您的操作未保存。请精简后重试。";
    public const string OutOfRangeMessage = "填写的数值超出了允许的范围，您的操作未保存。请检查后重试。";

    public void OnException(ExceptionContext context)
    {
        var message = context.Exception switch
        {
            DomainException e => e.Message,
            DbUpdateConcurrencyException => ConcurrencyMessage,
            // A text longer than its column, or a number beyond its column, that a form did not check itself: the
            // database refused it and nothing was saved (the form fuzz test sends both to every form).
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.StringDataRightTruncation } } => TooLongMessage,
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.NumericValueOutOfRange } } => OutOfRangeMessage,
            _ => null,
        };
        if (message is null)
        {
            return;
        }

        tempData.GetTempData(context.HttpContext)[FlashError] = message;
        var referer = context.HttpContext.Request.Headers.Referer.ToString();
        var back = Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == context.HttpContext.Request.Host.Host
            ? uri.PathAndQuery
            : "/workspace";
        context.Result = new RedirectResult(back);
        context.ExceptionHandled = true;
    }
}
