using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Market.Listings;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Market.Results;

/// <summary>科技成果: a university or institute posts one (reviewed before it is published) and edits its own while not published.</summary>
public sealed class SaveResultHandler(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, CodeTableLookupHandler codes, TimeProvider clock)
    : ListingFormHandler<TechResult, ResultForm>(db, actor, permissions, codes), IUseCase
{
    protected override TechResult Post(Organization own) => TechResult.Post(own.Id, own.Name, own.RegionCode, clock.GetUtcNow());

    protected override ResultForm From(TechResult result) => ResultForm.From(result);

    protected override void Apply(TechResult result, ResultForm form, IReadOnlyList<string> keywords) =>
        result.Edit(form.Title!, form.Summary!, form.FieldCode!, keywords, form.ModeFlags, form.Contact, form.Maturity!.Value, form.IpKind, form.IpNumber ?? string.Empty,
            form.IpOwner ?? string.Empty, form.Price, form.Team ?? string.Empty);
}
