using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Details;

/// <summary>A contract with its history, point and files, what the user may do to it (file, decide), and whether its time limit is provisional.</summary>
public sealed record ContractDetailsPage(TechContract Contract, RegistrationPoint Point, IReadOnlyList<(Guid Id, string Name)> Files,
    bool CanFile, bool CanDecide, DateOnly Today, IReadOnlyDictionary<string, string> FieldNames, CalendarCoverage Calendar)
{
    /// <summary>The time limit runs past the years the calendar covers (shown 暂定 while the registrar still works it).</summary>
    public bool DueIsProvisional => Contract.Status.IsInRegistrarQueue() && Calendar.IsProvisional(Contract.AcceptedOn, Contract.DueOn);
}
