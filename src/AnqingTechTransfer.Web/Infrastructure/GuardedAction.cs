using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The shape every state-changing action on one record shares: load it through the tenant filter (404 when it is not
/// there for this actor), check the actor may act (403), hold the version the form was read at (a concurrent edit is
/// refused, not overwritten), apply the domain step, save, flash what was done and go back to the record.
/// </summary>
public static class GuardedAction
{
    public static async Task<IActionResult> RunAsync<T>(this Controller controller, PortalDbContext db, T? record, Func<T, bool> allowed, uint? version,
        Action<T> act, string done, Func<T, string> back, CancellationToken ct) where T : class =>
        controller.Answer(await db.StepAsync(record, allowed, version, act, ct), r => controller.Flash(done, controller.Redirect(back(r))));

    /// <summary>
    /// The shape every "new record" form post shares: an invalid form is shown again; the domain creates the record (or says
    /// what is wrong, next to its field, with nothing typed lost); it is saved, what was done is flashed, and the user goes on.
    /// </summary>
    public static async Task<IActionResult> CreateAsync(this Controller controller, PortalDbContext db, object form, Func<Task<string>> create, string done,
        CancellationToken ct)
    {
        if (!controller.ModelState.IsValid)
        {
            return controller.View(form);
        }

        try
        {
            var next = await create();
            await db.SaveChangesAsync(ct);
            controller.TempData[DomainExceptionFilter.FlashSuccess] = done;
            return controller.Redirect(next);
        }
        catch (Domain.DomainException e)
        {
            controller.ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return controller.View(form);
        }
    }
}
