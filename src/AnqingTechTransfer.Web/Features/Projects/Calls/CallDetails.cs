using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>A call with its programmes, and the form to add one (fresh, or as posted when refused).</summary>
public sealed record CallPage(Call Call, ProgrammeForm Form, CallForm? Text = null)
{
    /// <summary>The call's text form: as posted when refused, else as saved.</summary>
    public CallForm TextForm => Text ?? CallForm.From(Call);
}

/// <summary>The page of one call: its programmes and, while a draft, the form to add a programme.</summary>
public class CallDetailsHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<CallPage?> HandleAsync(Guid id, CancellationToken ct) =>
        await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct) is { } call
            ? new CallPage(call, ProgrammeForm.Fresh(clock.GetUtcNow()))
            : null;
}
