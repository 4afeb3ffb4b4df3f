using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// 市科技计划项目 (calls, 企业出题, applications, selection, awarded projects and the plan's figures): the bureau runs the
/// plan; enterprises and universities apply for their own organization and carry their own projects; a county or park
/// screens what its region proposes; the enterprise that posted a 揭榜挂帅 problem gives its opinion and signs the
/// three-party agreement; city leaders and the municipal departments read the figures. One class for the module's five
/// controllers and its views; the records it decides over are applications, problems and awarded projects.
/// </summary>
public sealed class ProjectPermissions(ICurrentActor actor) : IModulePermissions, IAuthorizationHandler
{
    public static readonly string[] ApplicantRoles = [PortalRoles.Enterprise, PortalRoles.University];
    public static readonly string[] ScreenerRoles = [PortalRoles.County, PortalRoles.Park];

    /// <summary>Edits, attaches to and submits an application (the applicant's own organization).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "ProjectApplicationEdit" };

    /// <summary>Recommends or returns a submitted application (the county or park of its region).</summary>
    public static readonly OperationAuthorizationRequirement Recommend = new() { Name = "ProjectApplicationRecommend" };

    /// <summary>Gives the 发榜方's opinion on a team applying to its problem (the enterprise that posted it).</summary>
    public static readonly OperationAuthorizationRequirement GiveOpinion = new() { Name = "ProjectApplicationOpinion" };

    /// <summary>Reads the experts an applicant asked to avoid (申请回避): the applicant itself and the bureau, nobody else.</summary>
    public static readonly OperationAuthorizationRequirement ReadAvoidRequests = new() { Name = "ProjectApplicationReadAvoid" };

    /// <summary>Screens a proposed problem (the county or park of its region).</summary>
    public static readonly OperationAuthorizationRequirement Screen = new() { Name = "ProjectProblemScreen" };

    /// <summary>Reports progress on and asks to change an awarded project (the organization carrying it).</summary>
    public static readonly OperationAuthorizationRequirement Carry = new() { Name = "ProjectCarry" };

    /// <summary>Signs the three-party agreement of a 揭榜挂帅 project (the enterprise that posted the problem).</summary>
    public static readonly OperationAuthorizationRequirement Sign = new() { Name = "ProjectSign" };

    /// <summary>
    /// The bureau runs the plan: calls and programmes, the formal check, panels, ranking and decisions, the publicity,
    /// listing problems, task contracts, disbursements, change decisions and acceptance.
    /// </summary>
    public bool ManagesPlan => actor.Acts(PortalRoles.Bureau);

    /// <summary>Applies for a programme for its own organization (an enterprise or a university).</summary>
    public bool MayApply => actor.ActsAny(ApplicantRoles);

    /// <summary>Screens its region's problems and recommends its region's applications (a county or park).</summary>
    public bool MayScreen => actor.ActsAny(ScreenerRoles);

    /// <summary>Proposes technical problems (an enterprise).</summary>
    public bool MayPropose => actor.Acts(PortalRoles.Enterprise);

    /// <summary>Reads the application list (applicants their own, screeners their region's, the bureau all).</summary>
    public bool ReadsApplications => MayApply || MayScreen || ManagesPlan;

    /// <summary>Reads the problem list (an enterprise its own, screeners their region's, the bureau all).</summary>
    public bool ReadsProblems => MayPropose || MayScreen || ManagesPlan;

    /// <summary>Reads the awarded projects (the tenant filter keeps each to its own).</summary>
    public bool ReadsAwarded => ManagesPlan || MayScreen || MayApply;

    /// <summary>Reads the plan's figures: the bureau, leaders and the municipal departments.</summary>
    public bool ReadsFigures => actor.ActsAny(PortalRoles.Bureau, PortalRoles.Leader, PortalRoles.Department);

    public bool Allows(OperationAuthorizationRequirement operation, ProjectApplication application) => operation.Name switch
    {
        "ProjectApplicationEdit" => MayApply && application.OrganizationId == actor.OrganizationId,
        "ProjectApplicationRecommend" => MayScreen && application.RegionCode == actor.RegionCode,
        "ProjectApplicationOpinion" => actor.Acts(PortalRoles.Enterprise) && application.PosterOrganizationId == actor.OrganizationId,
        "ProjectApplicationReadAvoid" => ManagesPlan || (MayApply && application.OrganizationId == actor.OrganizationId),
        _ => false,
    };

    public bool Allows(OperationAuthorizationRequirement operation, Problem problem) =>
        operation.Name == Screen.Name && MayScreen && problem.RegionCode == actor.RegionCode;

    public bool Allows(OperationAuthorizationRequirement operation, Project project) => operation.Name switch
    {
        "ProjectCarry" => MayApply && project.OrganizationId == actor.OrganizationId,
        "ProjectSign" => actor.Acts(PortalRoles.Enterprise) && project.PosterOrganizationId == actor.OrganizationId,
        _ => false,
    };

    /// <summary>The resource-based entry (<c>IAuthorizationService.AuthorizeAsync(User, record, operation)</c>) for the three records.</summary>
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = context.Resource switch
            {
                ProjectApplication a => Allows(requirement, a),
                Problem p => Allows(requirement, p),
                Project p => Allows(requirement, p),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
