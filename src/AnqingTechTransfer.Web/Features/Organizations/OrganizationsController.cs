using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>
/// Registration review by the county/park of the applicant's region or the bureau; suspension by the bureau admin. One use
/// case per action; <see cref="OrganizationPermissions"/> is asked by each handler on the organization it loads.
/// </summary>
[Authorize(Policy = Policies.OrganizationReviewer)]
[Route("organizations")]
public class OrganizationsController(DecideOrganizationHandler decisions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListOrganizationsHandler list, [FromQuery] OrganizationFilter filter, CancellationToken ct) =>
        View(await list.HandleAsync(filter, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromServices] ListOrganizationsHandler list, [FromQuery] OrganizationFilter filter, CancellationToken ct) =>
        await this.ToExcelAsync(await list.ExportAsync(filter, ct), "单位列表", clock);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] OrganizationDetailsHandler details, Guid id, CancellationToken ct) =>
        this.Answer(await details.HandleAsync(id, ct), page => View("Details", page));

    /// <summary>The contact's full phone, for the reviewers who must call them; every unmasking is an audit row.</summary>
    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal([FromServices] OrganizationDetailsHandler details, Guid id, CancellationToken ct) =>
        this.Answer(await details.RevealAsync(id, ct), page => View("Details", page));

    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id, DecisionForm form, CancellationToken ct) => Decided(id, await decisions.ApproveAsync(id, form, ct));

    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, DecisionForm form, CancellationToken ct) => Decided(id, await decisions.RejectAsync(id, form, ct));

    [HttpPost("{id:guid}/override-checksum")]
    public async Task<IActionResult> OverrideChecksum(Guid id, DecisionForm form, CancellationToken ct) =>
        Decided(id, await decisions.OverrideChecksumAsync(id, form, ct));

    [HttpPost("{id:guid}/suspend")]
    public async Task<IActionResult> Suspend(Guid id, DecisionForm form, CancellationToken ct) => Decided(id, await decisions.SuspendAsync(id, form, ct));

    [HttpPost("{id:guid}/reactivate")]
    public async Task<IActionResult> Reactivate(Guid id, DecisionForm form, CancellationToken ct) =>
        Decided(id, await decisions.ReactivateAsync(id, form, ct));

    private IActionResult Decided(Guid id, RecordResult<string> result) =>
        this.Answer(result, done => this.Flash(done, RedirectToAction(nameof(Details), new { id })));
}
