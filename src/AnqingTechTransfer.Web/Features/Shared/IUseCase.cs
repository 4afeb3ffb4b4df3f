namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// Marks a use case's handler (issue 21, ADR 0013): registered scoped by this marker, not by the end of its name. A handler
/// takes plain inputs and returns a page model, a created id or <see cref="FieldErrors"/>; it never sees ModelState,
/// HttpContext or ViewData.
/// </summary>
public interface IUseCase;
