using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Market.Listings;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Market.Needs;

/// <summary>技术需求: an enterprise posts one (reviewed before it is published) and edits its own while not published.</summary>
public sealed class SaveNeedHandler(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, CodeTableLookupHandler codes, TimeProvider clock)
    : ListingFormHandler<TechNeed, NeedForm>(db, actor, permissions, codes), IUseCase
{
    protected override NeedForm Blank() => new() { Deadline = Display.Today(clock).AddMonths(6) };

    protected override TechNeed Post(Organization own) => TechNeed.Post(own.Id, own.Name, own.RegionCode, clock.GetUtcNow());

    protected override NeedForm From(TechNeed need) => NeedForm.From(need);

    protected override void Apply(TechNeed need, NeedForm form, IReadOnlyList<string> keywords) =>
        need.Edit(form.Title!, form.Summary!, form.FieldCode!, keywords, form.ModeFlags, form.Contact, form.Targets ?? string.Empty, form.BudgetMin, form.BudgetMax,
            form.Deadline!.Value, Display.Today(clock));
}
