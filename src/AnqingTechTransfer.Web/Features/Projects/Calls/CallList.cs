using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

public sealed record CallListPage(IReadOnlyList<Call> Calls);

/// <summary>申报指南管理: every call, drafts included, newest year first.</summary>
public class CallListHandler(PortalDbContext db) : IUseCase
{
    public async Task<CallListPage> HandleAsync(CancellationToken ct) =>
        new(await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToListAsync(ct));
}
