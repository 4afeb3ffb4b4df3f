using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

public sealed record CarrierView(Carrier Carrier, bool IsHost, bool IsKeeper, bool IsBureau, bool RequestsServices, IReadOnlyList<RecognitionApplication> Recognitions,
    IReadOnlyList<PerformanceReport> Reports, IReadOnlyList<PilotService> Services, int Year,
    IReadOnlyList<CodeOption> Fields);

/// <summary>
/// A carrier's public page: its profile and pilot services for everyone; its recognitions and yearly reports for its host
/// and its keepers (null when the tenant filter hides it).
/// </summary>
public class CarrierDetailsHandler(PortalDbContext db, CarrierPermissions permissions, CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    public async Task<CarrierView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return null;
        }

        var isHost = permissions.IsHost(carrier);
        var isKeeper = permissions.IsKeeper(carrier);
        var inside = isHost || isKeeper;
        var recognitions = inside ? await db.RecognitionApplications.AsNoTracking().Where(a => a.CarrierId == id).OrderByDescending(a => a.SubmittedAt).ToListAsync(ct) : [];
        var reports = inside ? await db.PerformanceReports.AsNoTracking().Where(r => r.CarrierId == id).OrderByDescending(r => r.Year).ToListAsync(ct) : [];
        var services = await db.PilotServices.AsNoTracking().Where(s => s.CarrierId == id).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        // The bureau draws a recognition's panel from here: the technical fields offered to the draw.
        var fields = permissions.Decides && recognitions.Any(a => a.Status == RecognitionStatus.Submitted && a.PanelId is null)
            ? await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct) : [];
        return new CarrierView(carrier, isHost, isKeeper, permissions.Decides, permissions.RequestsServices, recognitions, reports, services, Display.Today(clock).Year,
            fields);
    }
}
