using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

/// <summary>What the filing form offers: the open registration points, the code lists by table, and the contract being edited.</summary>
/// <param name="ForChange">the form asks for a 变更登记 of a registered contract: the point stays, no files are added</param>
public sealed record ContractFormChoices(TechContract? Existing, IReadOnlyList<CodeOption> Points, IReadOnlyDictionary<string, IReadOnlyList<CodeOption>> Codes,
    IReadOnlyList<AttachedFile> Attached, bool ForChange = false)
{
    public static readonly ContractFormChoices None = new(null, [], new Dictionary<string, IReadOnlyList<CodeOption>>(), []);

    /// <summary>The files already attached as this kind of evidence (a draft or returned contract keeps them).</summary>
    public IEnumerable<string> AttachedAs(EvidenceKind kind) => Attached.Where(a => a.Kind == kind).Select(a => a.FileName);

    /// <summary>The credit-code warnings of the contract being edited, keyed by field.</summary>
    public IReadOnlyList<(string Field, string Message)> Warnings => Existing is null ? [] : ContractTermWarnings.CreditCodes(Existing.Terms);

    public IReadOnlyList<CodeOption> CodesOf(string table) => Codes[table];
}

public sealed record AttachedFile(string FileName, EvidenceKind? Kind);
