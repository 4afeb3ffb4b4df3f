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

    public void OnException(ExceptionContext context)
    {
        var message = context.Exception switch
        {
            DomainException e => e.Message,
            DbUpdateConcurrencyException => ConcurrencyMessage,
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
