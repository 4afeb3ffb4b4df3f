using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets;

/// <summary>Setting is for the bureau and the assessing department, on scopes they may open (404 otherwise).</summary>
public static class TargetGuard
{
    public static async Task<IActionResult?> GuardAsync(this ControllerBase controller, TargetPermissions permissions, string? region, CancellationToken ct)
    {
        if (!await permissions.SetsTargetsAsync(ct))
        {
            return controller.Forbid();
        }

        return permissions.Resolve(region) is null || string.IsNullOrEmpty(region) ? controller.NotFound() : null;
    }
}
