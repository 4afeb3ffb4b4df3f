using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Errors;

/// <summary>Chinese error pages; never a stack trace outside Development. The correlation id ties a report to the log.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status([FromRoute] int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        var (title, text) = Response.StatusCode switch
        {
            404 => ("页面不存在", "您访问的页面或记录不存在，或您无权查看。"),
            403 => ("无权访问", "您的账户没有执行此操作的权限。如需开通，请联系本单位管理员。"),
            400 => ("请求无效", "请求内容不完整或已过期，请返回上一页刷新后重试。"),
            _ => ("系统繁忙", "服务器处理请求时出现问题，已记录。请稍后重试；如持续出现，请联系管理员并提供下面的编号。"),
        };
        ViewData["Title"] = title;
        return View("Error", new ErrorPage(text, HttpContext.TraceIdentifier));
    }
}
