using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision;

/// <summary>
/// Lead units: measures whose last quarter is not yet reported, and reports sent back for more; the bureau: reports to review,
/// and the universities' yearly reports. The board's items count through the board itself (<see cref="Measures.MeasureBoardHandler"/>
/// with its to-do filter), so each counts the measures it opens (issue 25 §2).
/// </summary>
public class SupervisionTodos(PortalDbContext db, SupervisionPermissions permissions, Reports.ReportPermissions reports, Measures.MeasureBoardHandler board)
    : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        // The board's items read the whole board (derived items), again when a measure or a report is written.
        Type[] boardTables = [typeof(Domain.Supervision.PlanMeasure), typeof(Domain.Supervision.MeasureReport), typeof(Domain.Organizations.Organization)];
        if (permissions.Reviews)
        {
            batch.Derived("board-waiting", boardTables, async token => [new TodoItem("任务督办", "有待审阅进展报告的任务", await CountAsync(Measures.BoardTodo.Waiting, token), "/supervision?todo=Waiting")]);
        }

        if (reports.Reviews)
        {
            batch.Count(db.TransferReports.Where(r => r.Status == TransferReportStatus.Submitted), n => new TodoItem("成果转化年度报告", "待审核的高校院所年度报告", n, "/reports?status=Submitted"));
        }

        if (permissions.ActsAsLead)
        {
            batch.Derived("board-lead", boardTables, async token =>
            [
                new TodoItem("任务督办", "本季度待报送进展的任务", await CountAsync(Measures.BoardTodo.Unreported, token), "/supervision?todo=Unreported"),
                new TodoItem("任务督办", "需补充进展报告的任务", await CountAsync(Measures.BoardTodo.More, token), "/supervision?todo=More"),
            ]);
        }

        return Task.CompletedTask;
    }

    private async Task<int> CountAsync(Measures.BoardTodo todo, CancellationToken ct) =>
        (await board.HandleAsync(null, false, false, null, null, ct, todo)).Rows.Count;
}
