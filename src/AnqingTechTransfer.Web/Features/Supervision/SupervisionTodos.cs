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
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (permissions.Reviews)
        {
            items.Add(new TodoItem("任务督办", "有待审阅进展报告的任务", await CountAsync(Measures.BoardTodo.Waiting, ct), "/supervision?todo=Waiting"));
        }

        if (reports.Reviews)
        {
            items.Add(new TodoItem("成果转化年度报告", "待审核的高校院所年度报告", await db.TransferReports.CountAsync(r => r.Status == TransferReportStatus.Submitted, ct),
                "/reports?status=Submitted"));
        }

        if (permissions.ActsAsLead)
        {
            items.Add(new TodoItem("任务督办", "本季度待报送进展的任务", await CountAsync(Measures.BoardTodo.Unreported, ct), "/supervision?todo=Unreported"));
            items.Add(new TodoItem("任务督办", "需补充进展报告的任务", await CountAsync(Measures.BoardTodo.More, ct), "/supervision?todo=More"));
        }

        return items;
    }

    private async Task<int> CountAsync(Measures.BoardTodo todo, CancellationToken ct) =>
        (await board.HandleAsync(null, false, false, null, null, ct, todo)).Rows.Count;
}
