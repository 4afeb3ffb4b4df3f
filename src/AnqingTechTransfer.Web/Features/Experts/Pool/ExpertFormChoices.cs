using AnqingTechTransfer.Web.Features.Administration.CodeTables;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>
/// What the expert form offers: the technical fields to pick from, the bank account on record (masked), and, when editing,
/// the expert's id (then name, ID number and mobile are shown read-only: a changed ID number is a new person).
/// </summary>
public sealed record ExpertFormChoices(IReadOnlyList<CodeOption> Fields, string? BankAccountMasked = null, Guid? EditedId = null)
{
    public static readonly ExpertFormChoices None = new([]);

    public bool IdentityLocked => EditedId is not null;
}
