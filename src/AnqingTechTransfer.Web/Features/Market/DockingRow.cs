using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>A docking request in a list: the titles of both sides, whether it came in to the viewer, and its broker (撮合) if any.</summary>
public sealed record DockingRow(Guid Id, string NeedTitle, string ResultTitle, DockingStatus Status, bool Incoming, DateTimeOffset CreatedAt, string? BrokerName = null);
