using AnqingTechTransfer.Web.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Enterprises.Import;

/// <summary>The result of importing one provincial list: what was imported, or the lines to correct.</summary>
public sealed record ImportResultPage(QualificationList List, ImportResult Result);
