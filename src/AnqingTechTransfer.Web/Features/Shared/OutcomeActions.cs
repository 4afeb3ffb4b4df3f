using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// The one answer to a form's post and its <see cref="Outcome{T}"/>: the handler's errors next to their fields and the form
/// again with what was typed (also when the binder refused it), or what the done case asks (usually a flash and a redirect).
/// </summary>
public static class OutcomeActions
{
    public static IActionResult Answer<T>(this Controller controller, Outcome<T> outcome, object form, Func<T, IActionResult> done)
    {
        controller.ModelState.AddErrors(outcome.Errors);
        return controller.ModelState.IsValid && outcome.Succeeded ? done(outcome.Value!) : controller.View(form);
    }
}
