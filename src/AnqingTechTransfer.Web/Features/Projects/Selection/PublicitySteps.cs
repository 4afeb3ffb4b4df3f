using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>
/// During and after the publicity: anyone objects within the window (a name or unit and a way to be reached are required;
/// a refusal is the Invalid result's message); the bureau answers each objection, and ends the publicity, which awards the
/// approved applications on it.
/// </summary>
public class PublicityStepsHandler(PortalDbContext db, ContractCalendarHandler calendar, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<string>> ObjectAsync(Guid id, string? from, string? text, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        var objected = FieldErrors.Try(() =>
        {
            publicity.Object(from ?? string.Empty, text ?? string.Empty, calendar.Today, clock.GetUtcNow());
            return true;
        });
        if (!objected.Succeeded)
        {
            return RecordResult<string>.Invalid([], objected.Errors[0].Message);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done("异议已收到，市科技局将核查并答复。");
    }

    public async Task<RecordResult<string>> AnswerAsync(Guid id, Guid objectionId, string? answer, bool managesPlan, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        publicity.Answer(objectionId, answer ?? string.Empty, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done("已答复。");
    }

    public async Task<RecordResult<string>> EndAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var publicity = await db.Publicities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (publicity is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        publicity.End(calendar.Today);
        var listed = publicity.ApplicationIds;
        foreach (var application in await db.ProjectApplications.Where(a => listed.Contains(a.Id) && a.Status == ApplicationStatus.Approved).ToListAsync(ct))
        {
            application.Award();
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done("公示结束，已下达立项。");
    }
}
