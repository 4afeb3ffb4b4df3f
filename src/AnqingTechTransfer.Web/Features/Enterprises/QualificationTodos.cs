using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>Certificates entered by enterprises that wait for their county, park or the bureau (the tenant filter scopes the count).</summary>
public class QualificationTodos(PortalDbContext db, EnterprisePermissions permissions) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        if (!permissions.Confirms)
        {
            return [];
        }

        var pending = await db.HighTechRecords.CountAsync(r => r.Confirmation == Confirmation.Pending, ct);
        var pendingSmes = await db.TechSmeRecords.CountAsync(r => r.Confirmation == Confirmation.Pending, ct);
        return
        [
            new TodoItem("企业资质", "待确认的高新技术企业证书", pending, "/enterprises?confirmation=Pending"),
            new TodoItem("企业资质", "待确认的科技型中小企业入库登记", pendingSmes, "/enterprises/tech-sme?confirmation=Pending"),
        ];
    }
}
