using System.Text.Json;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts.Import;
using AnqingTechTransfer.Web.Features.Enterprises.Import;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>How far an import is: the JSON the import's page polls (import-progress.js).</summary>
public sealed record ImportProgressModel(string State, string StateName, int Read, int Passed, int Rejected, int Percent, bool Finished);

/// <summary>A background export's result: the workbook's name, its rows, whether the export limit cut it, until when it waits for download.</summary>
public sealed record ExportResult(string FileName, int Rows, bool Capped, DateTimeOffset KeptUntil);

/// <summary>An import's (or a background export's) page: its progress while it runs, then its result (what was imported, or the reasons by line; the workbook to download).</summary>
public sealed record ImportPage(Guid Id, ImportKind Kind, string KindName, string FileName, string UploadedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    ImportProgressModel Progress, string? FailureReason, ContractImportResult? Contracts, ImportResultPage? Qualifications, ExportResult? Export = null, bool FileKept = false)
{
    public ImportState State => Enum.Parse<ImportState>(Progress.State);
    public bool IsExport => Kind == ImportKind.ContractExport;
}

/// <summary>Reads an import for its uploader (or the bureau's system administrator); null for anyone else, as for a missing one.</summary>
public sealed class ShowImport(PortalDbContext db, ImportPermissions permissions) : IUseCase
{
    public async Task<ImportPage?> HandleAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || !permissions.Reads(job.UploadedById))
        {
            return null;
        }

        ContractImportResult? contracts = null;
        ImportResultPage? lists = null;
        ExportResult? export = null;
        if (job.ResultJson is { } json && job.State is ImportState.Succeeded or ImportState.Rejected)
        {
            if (job.IsExport)
            {
                export = JsonSerializer.Deserialize<ExportResult>(json, ImportJobRunner.Json);
            }
            else if (job.Kind == ImportKind.AbsorbedContracts)
            {
                contracts = JsonSerializer.Deserialize<ContractImportResult>(json, ImportJobRunner.Json);
            }
            else
            {
                lists = new ImportResultPage(ImportNames.ListOf(job.Kind), JsonSerializer.Deserialize<ImportResult>(json, ImportJobRunner.Json)!);
            }
        }

        var kept = export is not null && await db.ImportFiles.AnyAsync(f => f.Id == id, ct);
        return new ImportPage(job.Id, job.Kind, ImportNames.KindName(job.Kind), job.FileName, job.UploadedByName, job.CreatedAt, job.FinishedAt,
            ProgressOf(job), job.FailureReason, contracts, lists, export, kept);
    }

    /// <summary>A finished export's workbook, for its requester (or the system administrator); null when there is none (or no longer).</summary>
    public async Task<ExcelExport.ExcelFile?> FileAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id && j.Kind == ImportKind.ContractExport && j.State == ImportState.Succeeded)
            .Select(j => new { j.UploadedById, j.ResultJson }).SingleOrDefaultAsync(ct);
        if (job?.ResultJson is null || !permissions.Reads(job.UploadedById))
        {
            return null;
        }

        var bytes = await db.ImportFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.Bytes).SingleOrDefaultAsync(ct);
        var result = JsonSerializer.Deserialize<ExportResult>(job.ResultJson, ImportJobRunner.Json);
        return bytes is null || result is null ? null : new ExcelExport.ExcelFile(bytes, result.FileName);
    }

    /// <summary>The progress alone (the poll): read without the result.</summary>
    public async Task<ImportProgressModel?> ProgressAsync(Guid id, CancellationToken ct)
    {
        var row = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new { j.UploadedById, j.Kind, j.State, j.FailureReason, j.RowsRead, j.RowsPassed, j.RowsRejected, j.Percent }).SingleOrDefaultAsync(ct);
        return row is null || !permissions.Reads(row.UploadedById) ? null
            : Progress(row.Kind, row.State, row.FailureReason, row.RowsRead, row.RowsPassed, row.RowsRejected, row.Percent);
    }

    private static ImportProgressModel ProgressOf(ImportJob j) => Progress(j.Kind, j.State, j.FailureReason, j.RowsRead, j.RowsPassed, j.RowsRejected, j.Percent);

    private static ImportProgressModel Progress(ImportKind kind, ImportState state, string? reason, int read, int passed, int rejected, int percent) =>
        new(state.ToString(), ImportNames.StateName(kind, state, reason), read, passed, rejected, percent,
            state is ImportState.Succeeded or ImportState.Rejected or ImportState.Failed);
}
