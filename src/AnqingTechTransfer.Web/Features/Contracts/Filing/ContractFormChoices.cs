using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

/// <summary>What the filing form offers: the open registration points, the code lists by table, and the contract being edited.</summary>
public sealed record ContractFormChoices(TechContract? Existing, IReadOnlyList<CodeOption> Points, IReadOnlyDictionary<string, IReadOnlyList<CodeOption>> Codes)
{
    public static readonly ContractFormChoices None = new(null, [], new Dictionary<string, IReadOnlyList<CodeOption>>());

    public IReadOnlyList<CodeOption> CodesOf(string table) => Codes[table];
}
