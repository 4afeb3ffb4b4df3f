using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>
/// The steps on a filed progress report: the bureau accepts it or asks for more (with a note); its own unit revises what was
/// sent back. A broken rule stays the filter's flash message. The answer is the report (its measure's page is next).
/// </summary>
public class ReviewMeasureReportHandler(PortalDbContext db, SupervisionPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<MeasureReport>> ReviseAsync(Guid id, uint version, string? progress, string[]? figureName, decimal?[]? figureValue,
        string[]? figureUnit, CancellationToken ct) =>
        await db.StepAsync(await ReportAsync(id, ct), permissions.Revises, version,
            r => r.Revise(progress ?? string.Empty, MeasureLeads.Figures(figureName, figureValue, figureUnit), clock.GetUtcNow()), ct);

    public async Task<RecordResult<MeasureReport>> AcceptAsync(Guid id, uint version, string? note, CancellationToken ct) =>
        await db.StepAsync(await ReportAsync(id, ct), _ => permissions.Reviews, version, r => r.Accept(note, clock.GetUtcNow()), ct);

    public async Task<RecordResult<MeasureReport>> AskForMoreAsync(Guid id, uint version, string? note, CancellationToken ct) =>
        await db.StepAsync(await ReportAsync(id, ct), _ => permissions.Reviews, version, r => r.AskForMore(note ?? string.Empty, clock.GetUtcNow()), ct);

    private Task<MeasureReport?> ReportAsync(Guid id, CancellationToken ct) => db.MeasureReports.SingleOrDefaultAsync(r => r.Id == id, ct);
}
