using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// The one answer to a <see cref="RecordResult{T}"/>, in the order the controllers always used: 404 for a record out of
/// reach, 403 for a refused right, the form again with its errors next to the fields, or what the done case asks.
/// </summary>
public static class RecordResultActions
{
    public static IActionResult Answer<T>(this Controller controller, RecordResult<T> result, Func<T, IActionResult> done,
        Func<T?, IActionResult>? invalid = null)
    {
        switch (result.Verdict)
        {
            case Verdict.NotFound:
                return controller.NotFound();
            case Verdict.Forbidden:
                return controller.Forbid();
            case Verdict.Invalid when invalid is not null:
                controller.ModelState.AddErrors(result.Errors);
                return invalid(result.Value);
            default:
                return done(result.Value!);
        }
    }

    /// <summary>Done: a flash message and a redirect (post-redirect-get).</summary>
    public static IActionResult Flash(this Controller controller, string message, IActionResult then)
    {
        controller.TempData[Infrastructure.DomainExceptionFilter.FlashSuccess] = message;
        return then;
    }

    /// <summary>Refused without a form to show again: the reason as an error message and a redirect.</summary>
    public static IActionResult FlashError(this Controller controller, string message, IActionResult then)
    {
        controller.TempData[Infrastructure.DomainExceptionFilter.FlashError] = message;
        return then;
    }
}
