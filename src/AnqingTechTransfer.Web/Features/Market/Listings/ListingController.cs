using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>
/// The technology market's shared pages for needs (<c>/needs</c>) and results (<c>/results</c>): the public search, a
/// listing with its suggestions and docking, the owner's and reviewer's lists, review, withdrawal, closing and dismissing
/// a suggestion, posting and editing (the form, <typeparamref name="TForm"/>, is the derived controller's view beside it).
/// </summary>
public abstract class ListingController<TListing, TForm>(MarketPermissions permissions, ListingFormHandler<TListing, TForm> forms) : Controller
    where TListing : MarketListing
    where TForm : ListingForm, new()
{
    private const string Views = "/Features/Market/Listings/";

    private static bool IsNeed => typeof(TListing) == typeof(TechNeed);

    /// <summary>NeedForm or ResultForm, beside the derived controller.</summary>
    private static string FormView => typeof(TForm).Name;

    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] SearchListingsHandler search, string? q, string? field, string? region, CooperationModes? mode,
        int? minMaturity, decimal? maxPrice, int page = 1, CancellationToken ct = default) =>
        View(Views + "Index.cshtml", await search.HandleAsync(IsNeed, new MarketQuery(q, field, region, mode, minMaturity, maxPrice), page, ct));

    [Authorize]
    [HttpGet("manage")]
    public async Task<IActionResult> Manage([FromServices] ManageListingsHandler manage, ListingStatus? status, int page = 1, CancellationToken ct = default) =>
        permissions.MayManage(IsNeed) ? View(Views + "Manage.cshtml", await manage.HandleAsync(IsNeed, status, page, ct)) : Forbid();

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ListingDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(IsNeed, id, ct) is { } page ? View(Views + "Details.cshtml", page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/review")]
    public async Task<IActionResult> Review([FromServices] ListingStepsHandler steps, Guid id, bool publish, string? remark, uint version, CancellationToken ct) =>
        Done(await steps.HandleAsync(IsNeed, id, ListingStep.Review, publish, remark, version, ct), id, publish ? "已发布。" : "已退回发布单位。");

    [Authorize]
    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw([FromServices] ListingStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        Done(await steps.HandleAsync(IsNeed, id, ListingStep.Withdraw, false, null, version, ct), id, "已撤回。");

    [Authorize]
    [HttpPost("{id:guid}/resubmit")]
    public async Task<IActionResult> Resubmit([FromServices] ListingStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        Done(await steps.HandleAsync(IsNeed, id, ListingStep.Resubmit, false, null, version, ct), id, "已重新提交审核。");

    [Authorize]
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close([FromServices] ListingStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        Done(await steps.HandleAsync(IsNeed, id, ListingStep.Close, false, null, version, ct), id, "已关闭。");

    /// <summary>The owner does not want to see a suggestion again.</summary>
    [Authorize]
    [HttpPost("{id:guid}/dismiss")]
    public async Task<IActionResult> Dismiss([FromServices] ListingStepsHandler steps, Guid id, Guid other, CancellationToken ct) =>
        Done(await steps.DismissAsync(IsNeed, id, other, ct), id, "已不再推荐该条。");

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => permissions.MayPost(IsNeed) ? View(FormView, await forms.NewAsync(ct)) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(TForm form, CancellationToken ct) =>
        permissions.MayPost(IsNeed) ? Saved(await forms.CreateAsync(form, ModelState.IsValid, ct), form) : Forbid();

    [Authorize]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) => this.Answer(await forms.FormAsync(id, ct), form => View(FormView, form));

    [Authorize]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, TForm form, CancellationToken ct) => Saved(await forms.EditAsync(id, form, ModelState.IsValid, ct), form);

    /// <summary>A posted or edited listing: its page when saved, else the form again with the rule broken next to its field.</summary>
    private IActionResult Saved(RecordResult<Guid> result, TForm form) =>
        this.Answer(result, id => this.Flash("已提交，待所在县（市、区）、园区或市科技局审核后发布。", RedirectToAction(nameof(Details), new { id })), _ => View(FormView, form));

    private IActionResult Done<T>(RecordResult<T> result, Guid id, string message) =>
        this.Answer(result, _ => this.Flash(message, RedirectToAction(nameof(Details), new { id })));
}
