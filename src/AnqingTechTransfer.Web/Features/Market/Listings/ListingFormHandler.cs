using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>
/// Posting and editing a need or a result: their forms and domain steps differ (the derived handlers'), the flow does not.
/// The owner posts under its organization (reviewed before it is published) and edits its own; a rule broken comes back as
/// the field's message with the form's choices, nothing typed is lost; the version posted guards against a concurrent edit.
/// </summary>
public abstract class ListingFormHandler<TListing, TForm>(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, CodeTableLookupHandler codes)
    where TListing : MarketListing
    where TForm : ListingForm, new()
{
    /// <summary>A new listing of the organization, not yet saved.</summary>
    protected abstract TListing Post(Organization own);

    /// <summary>The form filled from a listing.</summary>
    protected abstract TForm From(TListing listing);

    /// <summary>The form applied to the listing, with its keywords parsed (a broken rule throws).</summary>
    protected abstract void Apply(TListing listing, TForm form, IReadOnlyList<string> keywords);

    /// <summary>The empty form's defaults.</summary>
    protected virtual TForm Blank() => new();

    public async Task<TForm> NewAsync(CancellationToken ct)
    {
        var form = Blank();
        form.Choices = await ChoicesAsync(null, ct);
        return form;
    }

    public async Task<RecordResult<TForm>> FormAsync(Guid id, CancellationToken ct)
    {
        var listing = await db.Set<TListing>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return RecordResult<TForm>.NotFound;
        }

        if (!permissions.Allows(MarketPermissions.Own, listing))
        {
            return RecordResult<TForm>.Forbidden;
        }

        var form = From(listing);
        form.Choices = await ChoicesAsync(id, ct);
        return RecordResult<TForm>.Done(form);
    }

    public async Task<RecordResult<Guid>> CreateAsync(TForm form, bool formValid, CancellationToken ct)
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        return await SaveAsync(Post(own), isNew: true, form, formValid, ct);
    }

    public async Task<RecordResult<Guid>> EditAsync(Guid id, TForm form, bool formValid, CancellationToken ct)
    {
        var listing = await db.Set<TListing>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        return !permissions.Allows(MarketPermissions.Own, listing) ? RecordResult<Guid>.Forbidden : await SaveAsync(listing, isNew: false, form, formValid, ct);
    }

    private async Task<RecordResult<Guid>> SaveAsync(TListing listing, bool isNew, TForm form, bool formValid, CancellationToken ct)
    {
        IReadOnlyList<FieldError> errors = [];
        if (formValid)
        {
            var saved = await FieldErrors.TryAsync(async () =>
            {
                Apply(listing, form, MarketListing.ParseKeywords(form.Keywords));
                if (isNew)
                {
                    db.Add(listing);
                }
                else
                {
                    db.Entry(listing).Property(l => l.Version).OriginalValue = form.Version;
                }

                await db.SaveChangesAsync(ct);
                return listing.Id;
            });
            if (saved.Succeeded)
            {
                return RecordResult<Guid>.Done(saved.Value);
            }

            errors = saved.Errors;
        }

        form.Choices = await ChoicesAsync(isNew ? null : listing.Id, ct);
        return RecordResult<Guid>.Invalid(errors);
    }

    private async Task<ListingFormChoices> ChoicesAsync(Guid? id, CancellationToken ct) => new(id, await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct));
}
