using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>Certificates entered by enterprises that wait for their county, park or the bureau (the tenant filter scopes the count).</summary>
public class QualificationTodos(PortalDbContext db, EnterprisePermissions permissions) : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.Confirms)
        {
            batch.Count(db.HighTechRecords.Where(r => r.Confirmation == Confirmation.Pending), n => new TodoItem("企业资质", "待确认的高新技术企业证书", n, "/enterprises?confirmation=Pending"));
            batch.Count(db.TechSmeRecords.Where(r => r.Confirmation == Confirmation.Pending),
                n => new TodoItem("企业资质", "待确认的科技型中小企业入库登记", n, "/enterprises/tech-sme?confirmation=Pending"));
        }

        return Task.CompletedTask;
    }
}
