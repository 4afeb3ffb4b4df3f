using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>Registrations waiting for the reviewer's region (the tenant filter scopes the count), and codes awaiting the admin's check.</summary>
public class OrganizationReviewTodos(PortalDbContext db, OrganizationPermissions permissions) : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.Reviews)
        {
            var selfRegistering = OrganizationKinds.SelfRegistering.ToArray();
            batch.Count(db.Organizations.Where(o => o.Status == OrganizationStatus.Pending && selfRegistering.Contains(o.Kind)),
                n => new TodoItem("单位注册", "待审核的单位注册申请", n, "/organizations?status=Pending"));
        }

        if (permissions.Administers)
        {
            batch.Count(db.Organizations.Where(o => o.Status == OrganizationStatus.Pending && o.HasChecksumWarning && !o.CreditCodeChecksumOverridden),
                n => new TodoItem("单位注册", "统一社会信用代码校验位待核实", n, "/organizations?status=Pending&checksum=true"));
        }

        return Task.CompletedTask;
    }
}
