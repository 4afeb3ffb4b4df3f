using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>The contract list (and the registrar's queue): a page of rows, the filter as typed, what the user may start from here, the calendar's covered years (deadlines past them are 暂定), and each queue tab's count.</summary>
public sealed record ContractListPage(
    PagedList<ContractRow> Rows,
    ContractFilter Filter,
    DateOnly Today,
    int WarningDays,
    IReadOnlyDictionary<Guid, string> Points,
    IReadOnlyList<CodeOption> Fields,
    bool CanFile,
    bool SeesQueue,
    bool Imports,
    CalendarCoverage Calendar,
    IReadOnlyDictionary<QueueTab, int> TabCounts,
    IReadOnlyList<string>? Marks = null,
    DrillDownNote? Drill = null);
