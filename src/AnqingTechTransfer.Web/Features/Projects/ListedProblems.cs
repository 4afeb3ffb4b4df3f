using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>The problems on a 揭榜挂帅 榜单: what the public home page lists and what an applicant may take up.</summary>
public static class ListedProblems
{
    public static IQueryable<Problem> Of(PortalDbContext db) =>
        db.Problems.AsNoTracking().Where(p => p.Status == ProblemStatus.Listed).OrderBy(p => p.Deadline).ThenBy(p => p.Id);
}
