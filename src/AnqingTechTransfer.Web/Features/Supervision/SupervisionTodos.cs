using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision;

/// <summary>
/// Lead units: measures whose last quarter is not yet reported, and reports sent back for more; the bureau: reports to review,
/// and the universities' yearly reports. The board's items count through the board itself (<see cref="Measures.MeasureBoardHandler"/>
/// with its to-do filter, <see cref="Measures.MeasureBoardHandler.TodoMeasures"/> in SQL), so each counts the measures it opens (issue 25 §2).
/// </summary>
public class SupervisionTodos(PortalDbContext db, SupervisionPermissions permissions, Reports.ReportPermissions reports, Measures.MeasureBoardHandler board)
    : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.Reviews)
        {
            batch.Count(board.TodoMeasures(Measures.BoardTodo.Waiting), n => new TodoItem("任务督办", "有待审阅进展报告的任务", n, "/supervision?todo=Waiting"));
        }

        if (reports.Reviews)
        {
            batch.Count(db.TransferReports.Where(r => r.Status == TransferReportStatus.Submitted), n => new TodoItem("成果转化年度报告", "待审核的高校院所年度报告", n, "/reports?status=Submitted"));
        }

        if (permissions.ActsAsLead)
        {
            batch.Count(board.TodoMeasures(Measures.BoardTodo.Unreported), n => new TodoItem("任务督办", "本季度待报送进展的任务", n, "/supervision?todo=Unreported"));
            batch.Count(board.TodoMeasures(Measures.BoardTodo.More), n => new TodoItem("任务督办", "需补充进展报告的任务", n, "/supervision?todo=More"));
        }

        return Task.CompletedTask;
    }
}
