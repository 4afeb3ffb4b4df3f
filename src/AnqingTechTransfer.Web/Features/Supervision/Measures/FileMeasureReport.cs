using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>The quarter's progress report a lead unit files on a measure: the quarter's code, the text, up to three figures and a file.</summary>
public sealed record MeasureReportInput(string? Period, string? Progress, string[]? FigureName, decimal?[]? FigureValue, string[]? FigureUnit, IFormFile? File);

/// <summary>
/// A lead unit files its progress report for a quarter, once per quarter (sent back, it is revised instead), with an optional
/// document. A broken rule stays the filter's flash message (the form sits on the measure's page). The answer is the quarter.
/// </summary>
public class FileMeasureReportHandler(PortalDbContext db, ICurrentActor actor, SupervisionPermissions permissions, AttachmentUploader uploader, TimeProvider clock)
    : IUseCase
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Docx, FileKind.Xlsx];

    public async Task<RecordResult<ReportingPeriod>> HandleAsync(Guid id, MeasureReportInput input, CancellationToken ct)
    {
        var measure = await db.PlanMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return RecordResult<ReportingPeriod>.NotFound;
        }

        if (!permissions.Allows(SupervisionPermissions.Report, measure))
        {
            return RecordResult<ReportingPeriod>.Forbidden;
        }

        if (!ReportingPeriod.TryParse(input.Period, out var quarter))
        {
            throw new DomainException("请选择报送的季度");
        }

        var me = actor.OrganizationId;
        var code = quarter.Code;
        if (await db.MeasureReports.AnyAsync(r => r.MeasureId == id && r.OrganizationId == me && r.Period == code, ct))
        {
            throw new DomainException($"本单位已报送{quarter.Label}的进展；如被要求补充，请在原报告上修改");
        }

        var file = input.File;
        var check = file is { Length: > 0 } ? await uploader.CheckAsync(file, Documents, ct) : null;
        if (check?.Error is { } error)
        {
            throw new DomainException(error);
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == me).Select(o => o.Name).SingleAsync(ct);
        var report = MeasureReport.File(measure, me, name, actor.OrganizationKind!.Value, actor.RegionCode, quarter, Display.Today(clock), input.Progress ?? string.Empty,
            MeasureLeads.Figures(input.FigureName, input.FigureValue, input.FigureUnit), clock.GetUtcNow());
        db.MeasureReports.Add(report);
        if (check is not null)
        {
            await uploader.AddAsync(MeasureReportAttachmentOwner.Type, report.Id, me, actor.RegionCode, file!.FileName, check, ct);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<ReportingPeriod>.Done(quarter);
    }
}
