using AnqingTechTransfer.Web.Features.Administration.CodeTables;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>What a need's or a result's form offers: the active technical fields, and the listing being edited (null when new).</summary>
public sealed record ListingFormChoices(Guid? Id, IReadOnlyList<CodeOption> Fields)
{
    public static readonly ListingFormChoices None = new(null, []);
}
