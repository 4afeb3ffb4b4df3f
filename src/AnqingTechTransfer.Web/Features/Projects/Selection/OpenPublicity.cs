using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>发布立项公示: the programme's approved applications are public for the configured working days (one publicity open at a time).</summary>
public class OpenPublicityHandler(PortalDbContext db, ContractCalendarHandler calendar, IOptions<ProjectOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Publicity>> HandleAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, ct))
        {
            return RecordResult<Publicity>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Publicity>.Forbidden;
        }

        if (await db.Publicities.AnyAsync(p => p.ProgrammeId == id && p.Status == PublicityStatus.Open, ct))
        {
            throw new DomainException("本专项已在公示中");
        }

        var approved = await db.ProjectApplications.Where(a => a.ProgrammeId == id && a.Status == ApplicationStatus.Approved).Select(a => a.Id).ToListAsync(ct);
        var publicity = Publicity.Open(id, approved, calendar.Today, options.Value.PublicityWorkingDays, await calendar.CalendarAsync(ct), clock.GetUtcNow());
        db.Publicities.Add(publicity);
        await db.SaveChangesAsync(ct);
        return RecordResult<Publicity>.Done(publicity);
    }
}
