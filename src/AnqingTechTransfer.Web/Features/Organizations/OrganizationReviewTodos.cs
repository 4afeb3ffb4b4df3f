using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>Registrations waiting for the reviewer's region (the tenant filter scopes the count), and codes awaiting the admin's check.</summary>
public class OrganizationReviewTodos(PortalDbContext db, OrganizationPermissions permissions) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (permissions.Reviews)
        {
            var selfRegistering = OrganizationKinds.SelfRegistering.ToArray();
            var pending = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending && selfRegistering.Contains(o.Kind), ct);
            items.Add(new TodoItem("单位注册", "待审核的单位注册申请", pending, "/organizations?status=Pending"));
        }

        if (permissions.Administers)
        {
            var unchecked_ = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending && o.HasChecksumWarning && !o.CreditCodeChecksumOverridden, ct);
            items.Add(new TodoItem("单位注册", "统一社会信用代码校验位待核实", unchecked_, "/organizations?status=Pending&checksum=true"));
        }

        return items;
    }
}
