namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>One message as the list and the message page show it.</summary>
public sealed record MessageRow(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
