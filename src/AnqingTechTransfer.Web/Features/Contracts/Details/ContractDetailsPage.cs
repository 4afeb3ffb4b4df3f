using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Details;

/// <summary>
/// A contract with its history, point and files, what the user may do to it (file, decide), and whether its time limit is
/// provisional. CodeNames holds the names of the national form's code tables (by CodeTableCatalog key), so that every coded
/// field reads as its name and code.
/// </summary>
public sealed record ContractDetailsPage(TechContract Contract, RegistrationPoint Point, IReadOnlyList<(Guid Id, string Name, EvidenceKind? Kind)> Files,
    bool CanFile, bool CanDecide, DateOnly Today, IReadOnlyDictionary<string, string> FieldNames,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CodeNames, CalendarCoverage Calendar, PendingChange? PendingChange = null,
    IReadOnlyDictionary<Guid, string>? People = null)
{
    /// <summary>Who took a step of the history, by their name on the portal (the login name only for a user no longer there).</summary>
    public string Who(ContractEvent step) => People?.GetValueOrDefault(step.UserId) is { Length: > 0 } name ? name : step.UserName;

    /// <summary>The filer may ask for a 变更登记 (a registered contract of this platform with no request waiting).</summary>
    public bool CanRequestChange => CanFile && Contract.Status == ContractStatus.Registered && !Contract.IsImported && PendingChange is null;

    /// <summary>The time limit runs past the years the calendar covers (shown 暂定 while the registrar still works it).</summary>
    public bool DueIsProvisional => Contract.Status.IsInRegistrarQueue() && Calendar.IsProvisional(Contract.AcceptedOn, Contract.DueOn);

    /// <summary>Credit codes whose check character does not match: shown to the filer and the registrar, confirmed at registration.</summary>
    public IReadOnlyList<(string Field, string Message)> CreditCodeWarnings => ContractTermWarnings.CreditCodes(Contract.Terms);

    /// <summary>Evidence the contract's type requires that is not attached (a contract submitted before the rule, or a draft).</summary>
    public IReadOnlyList<EvidenceKind> MissingEvidence =>
        Contract.IsImported ? [] : ContractEvidence.Missing(Contract.Terms, Files.Select(f => f.Kind).OfType<EvidenceKind>().ToHashSet());

    /// <summary>"名称（代码）", the code alone when the table no longer has it, "—" when empty.</summary>
    public string Coded(string table, string? code) =>
        string.IsNullOrEmpty(code) ? "—"
        : CodeNames.GetValueOrDefault(table)?.GetValueOrDefault(code) is { } name ? $"{name}（{code}）" : code;
}

/// <summary>The 变更登记 request waiting for the registrar: who asked, why, and each field before → after.</summary>
public sealed record PendingChange(uint Version, string Reason, DateTimeOffset FiledAt, string FiledBy, IReadOnlyList<ContractChange> Changes);
