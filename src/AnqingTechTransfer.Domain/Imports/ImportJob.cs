namespace AnqingTechTransfer.Domain.Imports;

/// <summary>What an uploaded file imports.</summary>
public enum ImportKind
{
    /// <summary>外地登记的吸纳合同 (the provincial system's export).</summary>
    AbsorbedContracts = 1,
    HighTechList = 2,
    TechSmeList = 3,
    SpecializedList = 4,
    /// <summary>技术合同列表导出: the other direction (issue 25 §3) — a list too large to export in the request is written by a
    /// job as its requester, and the file waits on the job's page.</summary>
    ContractExport = 10,
}

public enum ImportState
{
    /// <summary>排队中: stored, its job not started.</summary>
    Queued = 0,
    /// <summary>正在导入: the job reads, checks and writes.</summary>
    Running = 1,
    /// <summary>已完成: every row held and was written.</summary>
    Succeeded = 2,
    /// <summary>有误未导入: some rows were wrong; nothing was written (the reasons by line are kept).</summary>
    Rejected = 3,
    /// <summary>失败: the job stopped (the app restarted, an error); nothing was written.</summary>
    Failed = 4,
}

/// <summary>
/// An upload being imported in the background (issue 25 §3): queued with its file, run once by a job that reports rows
/// read, passed and rejected, and ended as 已完成, 有误未导入 or 失败 with its result kept for the uploader. An import is
/// all-or-nothing: it is written in one transaction with its end, so a job that stops before the end (a restart) leaves
/// nothing half-written and is marked 失败（服务重启中断）.
/// </summary>
public class ImportJob
{
    /// <summary>The reason given to an import that a restart of the app interrupted.</summary>
    public const string InterruptedReason = "服务重启中断";

    private ImportJob()
    {
    }

    public Guid Id { get; private set; }
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public bool IsExcel { get; private set; }
    public Guid UploadedById { get; private set; }
    public string UploadedByName { get; private set; } = string.Empty;
    public Guid OrganizationId { get; private set; }
    public ImportState State { get; private set; }
    public int RowsRead { get; private set; }
    public int RowsPassed { get; private set; }
    public int RowsRejected { get; private set; }
    /// <summary>0–100: how far the job is (the share of the file read, then the writing).</summary>
    public int Percent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>The last sign of life of a running job (its start, then each progress report).</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>The instance (machine name) running the job: an instance that starts again fails what it left running.</summary>
    public string? Runner { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>The result as the import's page shows it (JSON written by the web layer).</summary>
    public string? ResultJson { get; private set; }

    /// <summary>An export: its file is the filter while queued and the workbook once done (kept for <see cref="ExportKeptFor"/>).</summary>
    public bool IsExport => Kind == ImportKind.ContractExport;

    /// <summary>How long a finished export's workbook waits for its requester.</summary>
    public static readonly TimeSpan ExportKeptFor = TimeSpan.FromDays(7);

    public bool IsFinished => State is ImportState.Succeeded or ImportState.Rejected or ImportState.Failed;

    public static ImportJob Queue(ImportKind kind, string fileName, bool excel, Guid uploadedById, string uploadedByName, Guid organizationId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("后台任务类别无效");
        }

        var name = (fileName ?? string.Empty).Split('/', '\\')[^1].Trim(); // some browsers send the whole path
        return new ImportJob
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            FileName = name.Length == 0 ? "导入文件" : name.Length > 200 ? name[..200] : name,
            IsExcel = excel,
            UploadedById = uploadedById,
            UploadedByName = uploadedByName,
            OrganizationId = organizationId,
            State = ImportState.Queued,
            CreatedAt = now,
        };
    }

    /// <summary>The job takes the import; only a queued import starts (a job run again finds it started and leaves it).</summary>
    public void Start(DateTimeOffset now, string runner)
    {
        if (State != ImportState.Queued)
        {
            throw new DomainException("该导入已开始或已结束");
        }

        State = ImportState.Running;
        StartedAt = HeartbeatAt = now;
        Runner = runner.Length > 100 ? runner[..100] : runner;
    }

    /// <summary>Every row held and was written, in the same transaction as this.</summary>
    public void Succeed(int rows, string resultJson, DateTimeOffset now)
    {
        EnsureRunning();
        State = ImportState.Succeeded;
        RowsRead = RowsPassed = rows;
        RowsRejected = 0;
        Finish(resultJson, now);
    }

    /// <summary>Some rows were wrong: nothing was written; the reasons by line are in the result.</summary>
    public void Reject(int rows, int passed, int rejected, string resultJson, DateTimeOffset now)
    {
        EnsureRunning();
        State = ImportState.Rejected;
        RowsRead = rows;
        RowsPassed = passed;
        RowsRejected = rejected;
        Finish(resultJson, now);
    }

    /// <summary>The job stopped before the end; nothing was written. A finished import stays as it ended.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new DomainException("该导入已结束");
        }

        State = ImportState.Failed;
        FailureReason = reason;
        Finish(null, now);
    }

    private void Finish(string? resultJson, DateTimeOffset now)
    {
        ResultJson = resultJson;
        Percent = 100;
        FinishedAt = now;
    }

    private void EnsureRunning()
    {
        if (State != ImportState.Running)
        {
            throw new DomainException("该导入未在进行中");
        }
    }
}
