using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>A docking request in a list: the titles of both sides, and whether it came in to the viewer.</summary>
public sealed record DockingRow(Guid Id, string NeedTitle, string ResultTitle, DockingStatus Status, bool Incoming, DateTimeOffset CreatedAt);
