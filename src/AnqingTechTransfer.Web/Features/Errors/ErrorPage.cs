namespace AnqingTechTransfer.Web.Features.Errors;

/// <summary>A Chinese error page: what happened, and the request's number that ties a report to the log.</summary>
public sealed record ErrorPage(string Text, string CorrelationId);
