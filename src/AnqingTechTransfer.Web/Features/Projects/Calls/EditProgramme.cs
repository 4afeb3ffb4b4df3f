using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>The edit page of a programme: its call and the form (as saved, or as posted when refused).</summary>
public sealed record ProgrammeEditPage(Guid Id, Guid CallId, string CallTitle, ProgrammeForm Form);

/// <summary>
/// 修改专项: the bureau revises a programme's terms until its call is published (Call.EditProgramme); afterwards the
/// refusal is the domain's, in Chinese, and the page is not offered. A broken rule comes back next to its field.
/// </summary>
public class EditProgrammeHandler(PortalDbContext db) : IUseCase
{
    public async Task<RecordResult<ProgrammeEditPage>> GetAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var call = await CallOfAsync(id, ct);
        if (call is null)
        {
            return RecordResult<ProgrammeEditPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<ProgrammeEditPage>.Forbidden;
        }

        var page = new ProgrammeEditPage(id, call.Id, call.Title, ProgrammeForm.From(call.Programmes.Single(p => p.Id == id).Terms));
        return call.Status == CallStatus.Draft ? RecordResult<ProgrammeEditPage>.Done(page) : RecordResult<ProgrammeEditPage>.Invalid([new FieldError(string.Empty, "指南已发布，专项不能再修改")], page);
    }

    public async Task<RecordResult<ProgrammeEditPage>> SaveAsync(Guid id, ProgrammeForm form, bool formValid, bool managesPlan, CancellationToken ct)
    {
        var call = await CallOfAsync(id, ct);
        if (call is null)
        {
            return RecordResult<ProgrammeEditPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<ProgrammeEditPage>.Forbidden;
        }

        form.Name ??= string.Empty;
        var page = new ProgrammeEditPage(id, call.Id, call.Title, form);
        if (!formValid)
        {
            return RecordResult<ProgrammeEditPage>.Invalid([], page);
        }

        var edited = FieldErrors.Try(() =>
        {
            call.EditProgramme(id, form.Terms());
            return true;
        });
        if (!edited.Succeeded)
        {
            return RecordResult<ProgrammeEditPage>.Invalid(edited.Errors, page);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<ProgrammeEditPage>.Done(page);
    }

    private async Task<Call?> CallOfAsync(Guid programmeId, CancellationToken ct)
    {
        var callId = await db.Programmes.Where(p => p.Id == programmeId).Select(p => (Guid?)p.CallId).SingleOrDefaultAsync(ct);
        return callId is null ? null : await db.ProjectCalls.Include(c => c.Programmes).SingleAsync(c => c.Id == callId, ct);
    }
}
