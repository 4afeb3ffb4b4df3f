using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Imports;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>An import job (issue 25 §3): queued, taken once, ended once — succeeded, rejected with its counts, or failed.</summary>
public class ImportJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8));

    private static ImportJob Queued() => ImportJob.Queue(ImportKind.AbsorbedContracts, @"C:\下载\导出.csv", false, Guid.NewGuid(), "bureau", Guid.NewGuid(), Now);

    [Fact]
    public void A_queued_import_keeps_only_the_file_name_and_starts_once()
    {
        var job = Queued();
        job.State.Should().Be(ImportState.Queued);
        job.FileName.Should().Be("导出.csv");
        job.Start(Now.AddSeconds(1), "web-1");
        job.State.Should().Be(ImportState.Running);
        job.HeartbeatAt.Should().Be(Now.AddSeconds(1));
        job.Runner.Should().Be("web-1");
        FluentActions.Invoking(() => job.Start(Now.AddSeconds(2), "web-2")).Should().Throw<DomainException>("a job delivered twice does not run it twice");
    }

    [Fact]
    public void An_import_ends_once_with_its_counts()
    {
        var done = Queued();
        done.Start(Now, "web-1");
        done.Succeed(40, "{}", Now.AddSeconds(5));
        (done.State, done.RowsRead, done.RowsPassed, done.RowsRejected, done.Percent, done.IsFinished).Should().Be((ImportState.Succeeded, 40, 40, 0, 100, true));
        FluentActions.Invoking(() => done.Fail(ImportJob.InterruptedReason, Now.AddSeconds(6))).Should().Throw<DomainException>();
        FluentActions.Invoking(() => done.Reject(40, 38, 2, "{}", Now.AddSeconds(6))).Should().Throw<DomainException>();

        var rejected = Queued();
        FluentActions.Invoking(() => rejected.Succeed(1, "{}", Now)).Should().Throw<DomainException>("only a running import ends with a result");
        rejected.Start(Now, "web-1");
        rejected.Reject(12, 10, 2, "{}", Now.AddSeconds(1));
        (rejected.State, rejected.RowsRead, rejected.RowsPassed, rejected.RowsRejected).Should().Be((ImportState.Rejected, 12, 10, 2));
    }

    [Fact]
    public void A_queued_or_running_import_can_fail_with_its_reason()
    {
        var queued = Queued();
        queued.Fail("上传的文件已不存在", Now);
        queued.State.Should().Be(ImportState.Failed);
        var running = Queued();
        running.Start(Now, "web-1");
        running.Fail(ImportJob.InterruptedReason, Now.AddMinutes(1));
        (running.State, running.FailureReason, running.FinishedAt).Should().Be((ImportState.Failed, "服务重启中断", Now.AddMinutes(1)));
    }
}
