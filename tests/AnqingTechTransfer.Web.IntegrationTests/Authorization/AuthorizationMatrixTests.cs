using System.Collections.Concurrent;
using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

public enum Expect
{
    /// <summary>The request reached the action: not 403/404/5xx, and not sent to sign in.</summary>
    Allowed,
    /// <summary>Public on purpose: reachable without signing in (the action may still redirect).</summary>
    Public,
    /// <summary>Sent to the login page.</summary>
    Login,
    Forbidden,
    /// <summary>The same answer as a record that does not exist.</summary>
    NotFound,
    /// <summary>An organization not yet approved is kept on its workspace.</summary>
    Gated,
    /// <summary>Error pages answer with the status they describe.</summary>
    Any,
}

/// <summary>
/// One row per endpoint of the app. The test enumerates the endpoints at run time and fails when one has no row,
/// then tries every row as anonymous and as each demo user, including users of another organization and another
/// region of the same kind. Refused writes must leave the database as it was (re-read after the request).
/// </summary>
public sealed record MatrixRow(
    string Method,
    string Route,
    Func<MatrixIds, string> Url,
    Expect Anonymous,
    Expect Others,
    IReadOnlyDictionary<string, Expect> Users,
    Func<MatrixFixture, Task<string>>? State = null,
    IReadOnlyDictionary<string, string>? Form = null);

public class AuthorizationMatrixTests(MatrixFixture fx) : IClassFixture<MatrixFixture>
{
    public static readonly string[] MatrixUsers =
    [
        "bureau", "bureau.admin", "dept.jxj", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "univ.aqnu", "univ.buct",
        "ent.a", "ent.b", "ent.new", "expert.a", "expert.b", "registrar.city", "registrar.gxq", "agency.a", "bank.a", "leader.city", "leader.huaining",
        "dept.zzb", "dept.scj", "dept.jrj", "security.admin", "auditor",
    ];

    private static readonly string[] Reviewers = ["bureau", "bureau.admin", "county.huaining", "county.qianshan", "park.jkq", "park.gxq"];
    private static readonly string[] OrganizationAdmins =
        ["bureau.admin", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "univ.aqnu", "univ.buct", "ent.a", "ent.b", "ent.new", "agency.a", "bank.a"];
    // /metrics answers by address before any account is looked at (AdminNetworkMiddleware), so a pending organization meets the same 404.
    private static readonly string[] OpenToPending = ["/workspace", "/account/", "/messages", "/attachments/", "/error", "/health", "/metrics", "/"];

    private static Dictionary<string, Expect> Only(Expect expect, params string[] users) => users.ToDictionary(u => u, _ => expect);

    private static Dictionary<string, Expect> Merge(params Dictionary<string, Expect>[] parts) =>
        parts.SelectMany(p => p).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static Task<string> OrganizationState(MatrixFixture f) => f.WithDbAsync((db, _) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == f.Ids.PendingOrganization)
            .Select(o => $"{o.Status}|{o.Version}|{o.CreditCodeChecksumOverridden}|{o.StatusReason}").SingleAsync());

    private static Task<string> StaffState(MatrixFixture f) => f.WithDbAsync((db, _) =>
        db.Users.AsNoTracking().Where(u => u.Id == f.Ids.AqnuStaffUser).Select(u => $"{u.IsDisabled}|{u.PasswordHash}|{u.SecurityStamp}").SingleAsync());

    private static Task<string> CodeEntryState(MatrixFixture f) => f.WithDbAsync((db, _) =>
        db.CodeEntries.AsNoTracking().Where(c => c.Id == f.Ids.CodeEntry).Select(c => $"{c.Name}|{c.Retired}|{c.Version}").SingleAsync());

    private static Task<string> CodeTableState(MatrixFixture f) => f.WithDbAsync(async (db, _) => (await db.CodeEntries.CountAsync()).ToString());

    private static Task<string> SecuritySettingsState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        string.Join(",", await db.SecuritySettings.AsNoTracking().Select(s => s.Version + ":" + s.MaxFailedSignIns).ToListAsync()));

    private static Task<string> UserCountState(MatrixFixture f) => f.WithDbAsync(async (db, _) => (await db.Users.CountAsync()).ToString());

    private static Task<string> ContractState(MatrixFixture f, Guid id) => f.WithDbAsync((db, _) =>
        db.TechContracts.AsNoTracking().Where(c => c.Id == id).Select(c => $"{c.Status}|{c.Version}|{c.RegistrationNumber}").SingleAsync());

    private static Task<string> CalendarState(MatrixFixture f) => f.WithDbAsync(async (db, _) => (await db.CalendarDays.CountAsync()).ToString());

    private static Task<string> HighTechState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.HighTechRecords.CountAsync()}|" + await db.HighTechRecords.Where(r => r.Id == f.Ids.PendingHighTech).Select(r => r.Confirmation + ":" + r.Version).SingleAsync());

    private static Task<string> ContractCount(MatrixFixture f) => f.WithDbAsync(async (db, _) => (await db.TechContracts.CountAsync()).ToString());

    private static Task<string> PointState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.RegistrationPoints.CountAsync()}|{await db.RegistrationPointRegistrars.CountAsync()}|" +
        string.Join(",", await db.RegistrationPoints.OrderBy(p => p.Code).Select(p => p.Version + ":" + p.IsClosed).ToListAsync()));

    private static Task<string> TechSmeState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.TechSmeRecords.CountAsync()}|" + await db.TechSmeRecords.Where(r => r.Id == f.Ids.PendingTechSme).Select(r => r.Confirmation + ":" + r.Version).SingleAsync());

    private static Task<string> SpecializedState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.SpecializedRecords.CountAsync()}|" + await db.SpecializedRecords.Where(r => r.Id == f.Ids.PendingSpecialized).Select(r => r.Confirmation + ":" + r.Version).SingleAsync());

    private static Task<string> CultivationState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.CultivationEntries.CountAsync()}|{await db.Set<Domain.Enterprises.CultivationNote>().CountAsync()}|"
        + await db.CultivationEntries.Where(e => e.Id == f.Ids.HuainingCultivation).Select(e => e.Status + ":" + e.Version).SingleAsync());

    private static Task<string> ExpertState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Experts.CountAsync()}|" + await db.Experts.Where(e => e.Id == f.Ids.ExpertA).Select(e => e.Status + ":" + e.Version).SingleAsync()
        + "|" + await db.Set<Domain.Experts.IntegrityEvent>().CountAsync());

    private static Task<string> PanelState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.ReviewPanels.CountAsync()}|" + await db.ReviewPanels.Where(p => p.Id == f.Ids.Panel).Select(p => p.Status + ":" + p.Version).SingleAsync()
        + "|" + string.Join(",", await db.PanelMembers.Where(m => m.PanelId == f.Ids.Panel).OrderBy(m => m.Order).Select(m => m.State + ":" + m.IsChief + ":" + m.Role).ToListAsync()));

    private static Task<string> CallState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.ProjectCalls.CountAsync()}|{await db.Programmes.CountAsync()}|" + await db.ProjectCalls.Where(c => c.Id == f.Ids.Call).Select(c => c.Status + ":" + c.Version).SingleAsync());

    private static Task<string> CallTextState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Attachments.CountAsync()}|" + await db.ProjectCalls.Where(c => c.Id == f.Ids.Call).Select(c => c.Title + ":" + c.Body + ":" + c.Version).SingleAsync()
        + "|" + (await db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Id == f.Ids.Call)).Guide?.FileName);

    private static Task<string> ProgrammeState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        System.Text.Json.JsonSerializer.Serialize(await db.Programmes.AsNoTracking().Where(p => p.Id == f.Ids.Programme).Select(p => p.Terms).SingleAsync()));

    private static Task<string> ProblemState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Problems.CountAsync()}|" + await db.Problems.Where(p => p.Id == f.Ids.Problem).Select(p => p.Status + ":" + p.Version).SingleAsync());

    private static Task<string> ApplicationState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.ProjectApplications.CountAsync()}|{await db.Attachments.CountAsync()}|"
        + await db.ProjectApplications.Where(a => a.Id == f.Ids.Application).Select(a => a.Status + ":" + a.Version).SingleAsync());

    private static Task<string> PublicityState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Publicities.CountAsync()}|" + await db.Publicities.Where(p => p.Id == f.Ids.Publicity).Select(p => p.Status + ":" + p.Version).SingleAsync());

    private static Task<string> ProjectState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Projects.CountAsync()}|{await db.ProjectSanctions.CountAsync()}|" + await db.Projects.Where(p => p.Id == f.Ids.Project).Select(p => p.Status + ":" + p.Version).SingleAsync());

    private static Task<string> TargetState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        string.Join(",", await db.KpiTargets.OrderBy(t => t.Id).Select(t => t.Value + ":" + t.IsLocked).ToListAsync()) + "|"
        + string.Join(",", await db.KpiBaselines.OrderBy(b => b.Id).Select(b => b.Value + ":" + b.Version).ToListAsync()) + "|"
        + await db.PlanPeriods.CountAsync() + "|" + await db.KpiEnteredValues.CountAsync());

    private static Task<string> IndicatorState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        string.Join(",", await db.Indicators.OrderBy(i => i.Key).Select(i => i.Key + ":" + i.Source).ToListAsync()));

    private static Task<string> NeedState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.TechNeeds.CountAsync()}|{await db.DismissedMatches.CountAsync()}|" + await db.TechNeeds.Where(n => n.Id == f.Ids.PendingNeed).Select(n => n.Status + ":" + n.Version).SingleAsync());

    private static Task<string> ResultState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.TechResults.CountAsync()}|{await db.DismissedMatches.CountAsync()}|" + await db.TechResults.Where(r => r.Id == f.Ids.PublishedResult).Select(r => r.Status + ":" + r.Version).SingleAsync());

    private static Task<string> DockingState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.DockingRequests.CountAsync()}|" + await db.DockingRequests.Where(r => r.Id == f.Ids.Docking).Select(r => r.Status + ":" + r.Version).SingleAsync());

    private static Task<string> CommissionerState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Commissioners.CountAsync()}|" + await db.Commissioners.Where(c => c.Id == f.Ids.Commissioner).Select(c => c.Version).SingleAsync());

    private static Task<string> CommissionerTargetState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.CommissionerTargets.CountAsync()}|{await db.CommissionerTargets.SumAsync(t => t.Target)}");

    private static Task<string> EventState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.DockingEvents.CountAsync()}|" + await db.DockingEvents.Where(e => e.Id == f.Ids.Event).Select(e => e.Version).SingleAsync());

    private static Task<string> CarrierState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Carriers.CountAsync()}|{await db.RecognitionApplications.CountAsync()}|{await db.PerformanceReports.CountAsync()}|{await db.PilotServices.CountAsync()}|"
        + await db.Carriers.Where(c => c.Id == f.Ids.PilotBase).Select(c => c.Status + ":" + c.Version).SingleAsync() + "|"
        + await db.RecognitionApplications.Where(a => a.Id == f.Ids.Recognition).Select(a => a.Status + ":" + a.Version).SingleAsync() + "|"
        + await db.PerformanceReports.Where(r => r.Id == f.Ids.Report).Select(r => r.Assessment + ":" + r.Version).SingleAsync());

    private static async Task<string> CarrierPanelState(MatrixFixture f) =>
        await CarrierState(f) + "|" + await f.WithDbAsync((db, _) => db.ReviewPanels.CountAsync());

    private static Task<string> PilotServiceState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Notifications.CountAsync()}|" + await db.PilotServices.Where(s => s.Id == f.Ids.PilotService).Select(s => s.IsPublished + ":" + s.Version).SingleAsync());

    private static Task<string> ServiceRequestState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.ServiceRequests.CountAsync()}|" + await db.ServiceRequests.Where(r => r.Id == f.Ids.ServiceRequest).Select(r => r.Status + ":" + r.Version).SingleAsync());

    private static Task<string> ScenarioState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Scenarios.CountAsync()}|" + await db.Scenarios.Where(x => x.Id == f.Ids.Scenario).Select(x => x.Status + ":" + x.Version).SingleAsync()
        + "|" + await db.Scenarios.Where(x => x.Id == f.Ids.PendingScenario).Select(x => x.Status + ":" + x.Version).SingleAsync());

    private static Task<string> LoanState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.LoanProducts.CountAsync()}|{await db.LoanApplications.CountAsync()}|"
        + await db.LoanProducts.Where(p => p.Id == f.Ids.LoanProduct).Select(p => p.IsPublished + ":" + p.Version).SingleAsync() + "|"
        + await db.LoanApplications.Where(a => a.Id == f.Ids.Loan).Select(a => a.Status + ":" + a.Version).SingleAsync());

    private static Task<string> PoolState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.PoolAgreements.CountAsync()}|{await db.PoolClaims.CountAsync()}|{await db.FundInvestments.CountAsync()}|"
        + await db.PoolAgreements.Where(a => a.Id == f.Ids.Agreement).Select(a => a.Suspended + ":" + a.Version).SingleAsync() + "|"
        + await db.PoolClaims.Where(c => c.Id == f.Ids.Claim).Select(c => c.Status + ":" + c.Version).SingleAsync());

    private static Task<string> FiguresState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.BankYearFigures.CountAsync()}|{await db.BankFiguresLocks.CountAsync()}");

    private static Task<string> FundState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        await db.FundInvestments.Where(i => i.Id == f.Ids.FundInvestment).Select(i => i.Amount + ":" + i.Version).SingleAsync());

    private static Task<string> FirstProductState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.DemandEntries.CountAsync()}|{await db.DemandEntries.CountAsync(d => d.IsPublished)}|{await db.FirstProductApplications.CountAsync()}|"
        + $"{await db.Purchases.CountAsync()}|{await db.FirstProductApplications.CountAsync(a => a.CatalogYear != null)}|"
        + await db.FirstProductApplications.Where(a => a.Id == f.Ids.FirstProduct).Select(a => a.State + ":" + a.Version).SingleAsync());

    private static Task<string> SupervisionState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.MeasureReports.CountAsync()}|" + string.Join(",", await db.PlanMeasures.Where(m => m.Id == f.Ids.Measure || m.Id == f.Ids.BureauMeasure).OrderBy(m => m.Number)
            .Select(m => m.Status + ":" + m.Version + ":" + m.Deadline).ToListAsync())
        + "|" + await db.MeasureReports.Where(r => r.Id == f.Ids.HuainingReport).Select(r => r.Status + ":" + r.Version).SingleAsync());

    private static Task<string> InfringerState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.InfringerEntries.CountAsync()}|" + await db.InfringerEntries.Where(e => e.Id == f.Ids.Infringer).Select(e => e.Listing + ":" + e.Version).SingleAsync());

    private static Task<string> TransferReportState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.TransferReports.CountAsync()}|" + await db.TransferReports.Where(r => r.Id == f.Ids.TransferReport).Select(r => r.Status + ":" + r.Version).SingleAsync());

    private static Task<string> NoticeState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        $"{await db.Notices.CountAsync()}|" + await db.Notices.Where(n => n.Id == f.Ids.Notice).Select(n => n.IsWithdrawn + ":" + n.Version).SingleAsync());

    private static Task<string> RevealState(MatrixFixture f) =>
        f.WithDbAsync(async (db, _) => (await db.AuditEntries.CountAsync(a => a.Action == Features.Shared.PersonalInfo.RevealAction)).ToString());

    private static Task<string> IndexState(MatrixFixture f) => f.WithDbAsync(async (db, _) => (await db.IndexPublications.CountAsync()).ToString());

    private static readonly Dictionary<string, string> StaleVersion = new() { ["Version"] = "0", ["version"] = "0", ["Reason"] = "矩阵测试" };

    private static Task<string> ChangeRequestState(MatrixFixture f) => f.WithDbAsync(async (db, _) =>
        (await db.ContractChangeRequests.CountAsync()) + "|" + await ContractState(f, f.Ids.RegisteredContract));

    public static IReadOnlyList<MatrixRow> Rows()
    {
        var everyone = Expect.Allowed;
        var reviewers = Only(Expect.Allowed, Reviewers);
        var admins = Only(Expect.Allowed, OrganizationAdmins);
        var bureauAdmin = Only(Expect.Allowed, "bureau.admin");
        var pendingReaders = Merge(Only(Expect.NotFound, "county.qianshan", "park.jkq", "park.gxq"), Only(Expect.Allowed, "bureau", "bureau.admin", "county.huaining"));
        var organizationAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/organizations/{id:guid}/" + action,
            ids => $"/organizations/{ids.PendingOrganization}/{action}", Expect.Login, Expect.Forbidden, pendingReaders, OrganizationState, StaleVersion));
        var adminOnlyOrganizationAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/organizations/{id:guid}/" + action,
            ids => $"/organizations/{ids.PendingOrganization}/{action}", Expect.Login, Expect.Forbidden,
            Merge(Only(Expect.NotFound, "county.qianshan", "park.jkq", "park.gxq"), Only(Expect.Forbidden, "bureau", "county.huaining"), bureauAdmin), OrganizationState, StaleVersion));
        var staffAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/admin/users/{id:guid}/" + action,
            ids => $"/admin/users/{ids.AqnuStaffUser}/{action}", Expect.Login, Expect.Forbidden,
            Merge(Only(Expect.NotFound, OrganizationAdmins), Only(Expect.Allowed, "bureau.admin", "univ.aqnu")), StaffState));
        var filers = Only(Expect.Allowed, "ent.a", "ent.b", "univ.aqnu", "univ.buct", "agency.a");
        var bureauStaff = Only(Expect.Allowed, "bureau", "bureau.admin");
        var contractViewers = Only(Expect.Allowed, "ent.a", "agency.a", "registrar.city", "county.huaining", "leader.huaining", "bureau", "bureau.admin", "leader.city");
        var contractDeciders = Merge(Only(Expect.Forbidden, contractViewers.Keys.ToArray()), Only(Expect.Allowed, "registrar.city", "bureau"));
        var contractAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/contracts/{id:guid}/" + action,
            ids => $"/contracts/{ids.SubmittedContract}/{action}", Expect.Login, Expect.NotFound, contractDeciders,
            f => ContractState(f, f.Ids.SubmittedContract), StaleVersion));
        var qualificationReaders = Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "ent.a", "ent.b", "leader.city", "leader.huaining");
        // ent.a's pending certificate (怀宁县): the city, 怀宁县 and ent.a see it; only 怀宁县 and the bureau confirm it.
        var highTechDeciders = Merge(Only(Expect.Forbidden, "bureau.admin", "leader.city", "leader.huaining", "ent.a"), Only(Expect.Allowed, "county.huaining", "bureau"));
        var highTechAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/enterprises/high-tech/{id:guid}/" + action,
            ids => $"/enterprises/high-tech/{ids.PendingHighTech}/{action}", Expect.Login, Expect.NotFound, highTechDeciders, HighTechState, StaleVersion));
        var cityViewers = new[] { "bureau", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj", "leader.city" };
        var cockpitViewers = Only(Expect.Allowed, [.. cityViewers, "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "leader.huaining"]);
        var huainingCockpit = Merge(cockpitViewers, Only(Expect.NotFound, "county.qianshan", "park.jkq", "park.gxq"));
        // Targets are set by the bureau and the organization department; the other departments and the counties only read.
        var targetSetters = Only(Expect.Allowed, "bureau", "dept.zzb");
        var techSmeAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/enterprises/tech-sme/{id:guid}/" + action,
            ids => $"/enterprises/tech-sme/{ids.PendingTechSme}/{action}", Expect.Login, Expect.NotFound, highTechDeciders, TechSmeState, StaleVersion));
        var specializedAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/enterprises/specialized/{id:guid}/" + action,
            ids => $"/enterprises/specialized/{ids.PendingSpecialized}/{action}", Expect.Login, Expect.NotFound, highTechDeciders, SpecializedState, StaleVersion));
        var cultivators = Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq");
        // Readers of the region who may not use the pool are refused; everyone else finds nothing.
        var huainingCultivation = Merge(Only(Expect.Forbidden, "bureau.admin", "leader.city", "leader.huaining"), Only(Expect.Allowed, "bureau", "county.huaining"));
        var recommenders = Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq");
        var experts = Only(Expect.Allowed, "expert.a", "expert.b");
        var bureauOnly = Only(Expect.Allowed, "bureau");
        var noticePublishers = Only(Expect.Allowed, "bureau", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj", "county.huaining", "county.qianshan", "park.jkq", "park.gxq");
        // expert.a's record: found by the city-scope readers and expert.a; only the bureau and expert.a may read and edit it.
        var cityScope = new[] { "bureau.admin", "leader.city" };
        var expertAReaders = Merge(Only(Expect.Forbidden, cityScope), Only(Expect.Allowed, "bureau", "expert.a"));
        var expertAManagers = Merge(Only(Expect.Forbidden, [.. cityScope, "expert.a"]), Only(Expect.Allowed, "bureau"));
        // The panel on ent.a's application: the city-scope readers, the applicant and the seated experts find it; only the bureau works on it.
        var panelReaders = Merge(Only(Expect.Forbidden, [.. cityScope, "ent.a", "expert.a", "expert.b"]), Only(Expect.Allowed, "bureau"));
        var seatAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/reviews/{memberId:guid}/" + action,
            ids => $"/reviews/{ids.ExpertASeat}/{action}", Expect.Login, Expect.Forbidden,
            Merge(Only(Expect.NotFound, "expert.b"), Only(Expect.Allowed, "expert.a")), PanelState));
        var problemUsers = Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "ent.a", "ent.b");
        // ent.a's proposed problem (怀宁县): found by the city scope, 怀宁县 and ent.a; the others do not find it.
        var problemReaders = Only(Expect.Forbidden, "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "ent.a");
        var applicants = Only(Expect.Allowed, "ent.a", "ent.b", "univ.aqnu", "univ.buct");
        var applicationUsers = Merge(applicants, Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq"));
        // ent.a's draft (怀宁县) is found by the city scope, 怀宁县 and ent.a.
        var applicationFinders = new[] { "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "ent.a" };
        var projectAction = new Func<string, string, MatrixRow>((action, allowed) => new MatrixRow("POST", "/projects/awarded/{id:guid}/" + action,
            ids => $"/projects/awarded/{ids.Project}/{action}", Expect.Login, Expect.NotFound,
            Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, allowed)), ProjectState));
        var codeEntryAction = new Func<string, string, MatrixRow>((route, suffix) => new MatrixRow("POST", route,
            ids => $"/admin/code-tables/entries/{ids.CodeEntry}{suffix}", Expect.Login, Expect.Forbidden, bureauAdmin, CodeEntryState,
            new Dictionary<string, string> { ["Version"] = "0", ["version"] = "0", ["Name"] = "矩阵测试", ["Code"] = "08", ["SortOrder"] = "1" }));

        var marketReviewers = Only(Expect.Allowed, "bureau", "county.huaining", "county.qianshan", "park.jkq", "park.gxq");
        var pendingNeedFinders = new[] { "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "ent.a" };
        var pendingNeedOwner = Merge(Only(Expect.Forbidden, pendingNeedFinders), Only(Expect.Allowed, "ent.a"));
        var needAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/needs/{id:guid}/" + action, ids => $"/needs/{ids.PendingNeed}/{action}",
            Expect.Login, Expect.NotFound, pendingNeedOwner, NeedState, StaleVersion));
        var resultAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/results/{id:guid}/" + action, ids => $"/results/{ids.PublishedResult}/{action}",
            Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct"), ResultState, StaleVersion));
        var dockingCity = new[] { "bureau", "bureau.admin", "leader.city" };
        // 北化工's pilot base is in 高新区: its records are found by the city scope, 高新区 and 北化工.
        var pilotFinders = new[] { "bureau", "bureau.admin", "leader.city", "park.gxq", "univ.buct" };
        var requestFinders = new[] { "bureau", "bureau.admin", "leader.city", "univ.buct", "ent.a" };
        var loanAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/finance/applications/{id:guid}/" + action,
            ids => $"/finance/applications/{ids.Loan}/{action}", Expect.Login, Expect.NotFound,
            Merge(Only(Expect.Forbidden, "bureau", "bureau.admin", "leader.city", "county.huaining", "leader.huaining", "ent.a"), Only(Expect.Allowed, "bank.a")),
            LoanState, StaleVersion));
        var claimFinders = new[] { "bureau", "bureau.admin", "leader.city", "county.huaining", "leader.huaining", "bank.a", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj" };
        // The fund, the pool's agreements and the figures are read by the city and by the departments' tenant scope; the page right is the regulator's (dept.jrj).
        var departments = new[] { "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj" };
        // ent.a's application (怀宁县) is found by the city scope, the municipal departments, 怀宁县 and ent.a.
        var firstProductFinders = new[] { "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "ent.a", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj" };
        var supervisorNames = new[] { "bureau", "bureau.admin", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "leader.city", "leader.huaining" };
        var supervisors = Only(Expect.Allowed, supervisorNames);
        var huainingReportFinders = new[] { "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining" };
        var supervisorsNotFinding = supervisorNames.Except(huainingReportFinders).ToArray();
        var reportReview = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/supervision/reports/{id:guid}/" + action,
            ids => $"/supervision/reports/{ids.HuainingReport}/{action}", Expect.Login, Expect.Forbidden,
            Merge(Only(Expect.NotFound, supervisorsNotFinding), Only(Expect.Forbidden, huainingReportFinders), bureauOnly), SupervisionState, StaleVersion));
        var measureAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/supervision/{id:guid}/" + action,
            ids => $"/supervision/{ids.Measure}/{action}", Expect.Login, Expect.Forbidden, bureauOnly, SupervisionState,
            new Dictionary<string, string> { ["version"] = "0", ["conclusion"] = "矩阵测试", ["reason"] = "矩阵测试", ["deadline"] = "2030-12-31", ["regions"] = "340822" }));
        var reportUserNames = new[] { "bureau", "bureau.admin", "univ.aqnu", "univ.buct", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "leader.city", "leader.huaining" };
        var reportUsers = Only(Expect.Allowed, reportUserNames);
        var reportFinders = new[] { "bureau", "bureau.admin", "leader.city", "univ.aqnu" };
        var reportUsersNotFinding = reportUserNames.Except(reportFinders).ToArray();
        var transferReview = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/reports/{id:guid}/" + action,
            ids => $"/reports/{ids.TransferReport}/{action}", Expect.Login, Expect.Forbidden,
            Merge(Only(Expect.NotFound, reportUsersNotFinding), Only(Expect.Forbidden, reportFinders), bureauOnly), TransferReportState, StaleVersion));
        var scenarioPublishers = Only(Expect.Allowed, "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "ent.a", "ent.b");
        // ent.a's scenario pending review in 怀宁县: found by the city, 怀宁县 (and its leader) and ent.a; 404 for everyone else.
        var pendingScenarioFinders = Only(Expect.Forbidden, "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "ent.a");
        var pendingScenarioRow = new Func<string, string, MatrixRow>((method, action) => new MatrixRow(method, "/scenarios/{id:guid}/" + action,
            ids => $"/scenarios/{ids.PendingScenario}/{action}", Expect.Login, Expect.NotFound,
            Merge(pendingScenarioFinders, action is "approve" or "return" ? Only(Expect.Allowed, "county.huaining") : Only(Expect.Allowed, "ent.a")),
            method == "POST" ? ScenarioState : null, method == "POST" ? StaleVersion : null));
        var commissionerAction = new Func<string, MatrixRow>(action => new MatrixRow("POST", "/commissioners/{id:guid}/" + action,
            ids => $"/commissioners/{ids.Commissioner}/{action}", Expect.Login, Expect.NotFound,
            Merge(Only(Expect.Forbidden, "bureau.admin", "leader.city", "leader.huaining", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj"), Only(Expect.Allowed, "bureau", "county.huaining")),
            CommissionerState, StaleVersion));

        return
        [
            new("GET", "/", _ => "/", Expect.Public, everyone, Only(Expect.Allowed)),
            new("ANY", "/error/{code:int}", _ => "/error/404", Expect.Any, Expect.Any, Only(Expect.Any)),
            new("ANY", "/health/live", _ => "/health/live", Expect.Public, Expect.Allowed, Only(Expect.Allowed)),
            new("ANY", "/health/ready", _ => "/health/ready", Expect.Public, Expect.Allowed, Only(Expect.Allowed)),
            // The operators' metrics: by address, not by account. The matrix's requests have no client address (the test server
            // gives none), which no allow-list admits, so every one gets 404; MetricsEndpointTests tries allowed and other addresses.
            new("ANY", "/metrics", _ => "/metrics", Expect.NotFound, Expect.NotFound, Only(Expect.NotFound)),
            new("GET", "/account/login", _ => "/account/login", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/account/login", _ => "/account/login", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/account/login-2fa", _ => "/account/login-2fa", Expect.Public, Expect.Public, Only(Expect.Public)),
            new("POST", "/account/login-2fa", _ => "/account/login-2fa", Expect.Public, Expect.Public, Only(Expect.Public)),
            new("GET", "/account/register", _ => "/account/register", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/account/register", _ => "/account/register", Expect.Public, everyone, Only(Expect.Allowed), UserCountState),
            new("GET", "/account/registration", _ => "/account/registration", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.new")),
            new("POST", "/account/registration", _ => "/account/registration", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.new"), OrganizationState),
            new("GET", "/account/password", _ => "/account/password", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/account/password", _ => "/account/password", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/account/security", _ => "/account/security", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/account/notifications", _ => "/account/notifications", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/account/notifications", _ => "/account/notifications", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/account/two-factor", _ => "/account/two-factor", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/account/two-factor", _ => "/account/two-factor", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/account/two-factor/key", _ => "/account/two-factor/key", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/account/two-factor/disable", _ => "/account/two-factor/disable", Expect.Login, everyone, Only(Expect.Forbidden, "bureau.admin", "security.admin", "auditor")),
            new("GET", "/workspace", _ => "/workspace", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/messages", _ => "/messages", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/messages/{id:guid}", ids => $"/messages/{ids.EntAMessage}", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.a")),
            new("POST", "/messages/read-all", _ => "/messages/read-all", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/attachments/{id:guid}", ids => $"/attachments/{ids.Licence}", Expect.Login, Expect.NotFound,
                Only(Expect.Allowed, "bureau", "bureau.admin", "county.huaining", "ent.new")),
            new("GET", "/organizations", _ => "/organizations", Expect.Login, Expect.Forbidden, reviewers),
            new("GET", "/organizations/export", _ => "/organizations/export", Expect.Login, Expect.Forbidden, reviewers),
            new("GET", "/organizations/{id:guid}", ids => $"/organizations/{ids.PendingOrganization}", Expect.Login, Expect.Forbidden, pendingReaders),
            new("POST", "/organizations/{id:guid}/reveal", ids => $"/organizations/{ids.PendingOrganization}/reveal", Expect.Login, Expect.Forbidden, pendingReaders, RevealState),
            organizationAction("approve"),
            organizationAction("reject"),
            adminOnlyOrganizationAction("override-checksum"),
            adminOnlyOrganizationAction("suspend"),
            adminOnlyOrganizationAction("reactivate"),
            new("GET", "/admin/users", _ => "/admin/users", Expect.Login, Expect.Forbidden, admins),
            new("GET", "/admin/users/export", _ => "/admin/users/export", Expect.Login, Expect.Forbidden, admins),
            new("GET", "/admin/users/new", _ => "/admin/users/new", Expect.Login, Expect.Forbidden, admins),
            new("POST", "/admin/users/new", _ => "/admin/users/new", Expect.Login, Expect.Forbidden, admins, UserCountState),
            new("GET", "/admin/users/{id:guid}/roles", ids => $"/admin/users/{ids.AqnuStaffUser}/roles", Expect.Login, Expect.Forbidden,
                Merge(Only(Expect.NotFound, OrganizationAdmins), Only(Expect.Allowed, "bureau.admin", "univ.aqnu"))),
            staffAction("roles"),
            staffAction("disable"),
            staffAction("enable"),
            staffAction("reset-password"),
            // 三权分立: only the auditor reads the audit log; only the security administrator keeps the security settings.
            new("GET", "/admin/audit", _ => "/admin/audit", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "auditor")),
            new("GET", "/admin/audit/export", _ => "/admin/audit/export", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "auditor")),
            new("POST", "/admin/audit/verify", _ => "/admin/audit/verify", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "auditor")),
            new("GET", "/admin/security", _ => "/admin/security", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "security.admin")),
            new("POST", "/admin/security", _ => "/admin/security", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "security.admin"), SecuritySettingsState,
                new Dictionary<string, string> { ["MaxFailedSignIns"] = "5", ["LockoutMinutes"] = "30", ["PasswordMinLength"] = "8", ["AdminAllowedNetworks"] = "", ["Version"] = "0" }),
            new("GET", "/admin/code-tables", _ => "/admin/code-tables", Expect.Login, Expect.Forbidden, bureauAdmin),
            new("GET", "/admin/code-tables/{table}", _ => "/admin/code-tables/tech-field", Expect.Login, Expect.Forbidden, bureauAdmin),
            new("POST", "/admin/code-tables/{table}", _ => "/admin/code-tables/tech-field", Expect.Login, Expect.Forbidden, bureauAdmin, CodeTableState),
            codeEntryAction("/admin/code-tables/entries/{id:guid}", string.Empty),
            codeEntryAction("/admin/code-tables/entries/{id:guid}/retire", "/retire"),
            codeEntryAction("/admin/code-tables/entries/{id:guid}/restore", "/restore"),
            // 技术合同: the filer (ent.a, 怀宁县), the broker (agency.a), the point's registrar, the seller's county and its leader,
            // and the city see the filed contract; a draft only its filer; deciding is for the point's registrar and the bureau.
            new("GET", "/contracts", _ => "/contracts", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/contracts/export", _ => "/contracts/export", Expect.Login, everyone, Only(Expect.Allowed)),
            // A list too large for the request is exported in the background, by whoever may read it, as themselves.
            new("POST", "/contracts/export", _ => "/contracts/export", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/contracts/stats", _ => "/contracts/stats", Expect.Login, everyone, Only(Expect.Allowed)),
            new("GET", "/contracts/import", _ => "/contracts/import", Expect.Login, Expect.Forbidden, bureauStaff),
            // A background import (issue 25 §3): its page and progress are its uploader's (bureau) and the system admin's; others 404.
            new("GET", "/imports/{id:guid}", ids => $"/imports/{ids.BureauImport}", Expect.Login, Expect.NotFound, bureauStaff),
            new("GET", "/imports/{id:guid}/progress", ids => $"/imports/{ids.BureauImport}/progress", Expect.Login, Expect.NotFound, bureauStaff),
            new("GET", "/imports/{id:guid}/file", ids => $"/imports/{ids.BureauExport}/file", Expect.Login, Expect.NotFound, bureauStaff),
            new("POST", "/contracts/import", _ => "/contracts/import", Expect.Login, Expect.Forbidden, bureauStaff, ContractCount),
            new("GET", "/contracts/verify", _ => "/contracts/verify?number=2026340800019999&code=MATRIXCD", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/contracts/new", _ => "/contracts/new", Expect.Login, Expect.Forbidden, filers),
            new("POST", "/contracts/new", _ => "/contracts/new", Expect.Login, Expect.Forbidden, filers, ContractCount),
            new("GET", "/contracts/{id:guid}/edit", ids => $"/contracts/{ids.DraftContract}/edit", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.a")),
            new("POST", "/contracts/{id:guid}/edit", ids => $"/contracts/{ids.DraftContract}/edit", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.a"),
                f => ContractState(f, f.Ids.DraftContract), StaleVersion),
            new("POST", "/contracts/{id:guid}/submit", ids => $"/contracts/{ids.DraftContract}/submit", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "ent.a"),
                f => ContractState(f, f.Ids.DraftContract), StaleVersion),
            new("GET", "/contracts/{id:guid}", ids => $"/contracts/{ids.SubmittedContract}", Expect.Login, Expect.NotFound, contractViewers),
            new("GET", "/contracts/{id:guid}/certificate", ids => $"/contracts/{ids.RegisteredContract}/certificate", Expect.Login, Expect.NotFound, contractViewers),
            // The same certificate as a PDF: the same readers as the HTML page.
            new("GET", "/contracts/{id:guid}/certificate.pdf", ids => $"/contracts/{ids.RegisteredContract}/certificate.pdf", Expect.Login, Expect.NotFound, contractViewers),
            contractAction("accept"), contractAction("return"), contractAction("review"), contractAction("approve"), contractAction("second-review"),
            contractAction("refuse"), contractAction("cancel"), contractAction("income/confirm"),
            // Issue 22 §2: the registrar's 技术交易额核定, for the same deciders.
            new("GET", "/contracts/{id:guid}/assessment", ids => $"/contracts/{ids.SubmittedContract}/assessment", Expect.Login, Expect.NotFound, contractDeciders),
            contractAction("assessment"),
            // 变更登记 (issue 22): the filer asks on its registered contract; the point's registrars and the bureau approve or reject
            // (with no open request they are told so, and nothing changes).
            new("GET", "/contracts/{id:guid}/change", ids => $"/contracts/{ids.RegisteredContract}/change", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, contractViewers.Keys.ToArray()), Only(Expect.Allowed, "ent.a"))),
            new("POST", "/contracts/{id:guid}/change", ids => $"/contracts/{ids.RegisteredContract}/change", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, contractViewers.Keys.ToArray()), Only(Expect.Allowed, "ent.a")), ChangeRequestState),
            contractAction("change/approve"), contractAction("change/reject"),
            new("POST", "/contracts/{id:guid}/income", ids => $"/contracts/{ids.SubmittedContract}/income", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, contractViewers.Keys.ToArray()), Only(Expect.Allowed, "ent.a")), f => ContractState(f, f.Ids.SubmittedContract), StaleVersion),

            new("GET", "/registration-points", _ => "/registration-points", Expect.Login, Expect.Forbidden, bureauStaff),
            new("GET", "/registration-points/new", _ => "/registration-points/new", Expect.Login, Expect.Forbidden, bureauStaff),
            new("GET", "/registration-points/calendar", _ => "/registration-points/calendar", Expect.Login, Expect.Forbidden, Merge(bureauStaff, Only(Expect.Allowed, "registrar.city", "registrar.gxq"))), // registrars read it (issue 25 §2)
            new("POST", "/registration-points/calendar", _ => "/registration-points/calendar", Expect.Login, Expect.Forbidden, bureauStaff, CalendarState),
            // Removing a day that is not in the table changes nothing.
            new("POST", "/registration-points/calendar/{date}/remove", _ => "/registration-points/calendar/2030-07-07/remove", Expect.Login, Expect.Forbidden, bureauStaff, CalendarState),
            new("POST", "/registration-points/new", _ => "/registration-points/new", Expect.Login, Expect.Forbidden, bureauStaff, PointState),
            new("GET", "/registration-points/{id:guid}/edit", ids => $"/registration-points/{ids.CityPoint}/edit", Expect.Login, Expect.Forbidden, bureauStaff),
            new("POST", "/registration-points/{id:guid}/edit", ids => $"/registration-points/{ids.CityPoint}/edit", Expect.Login, Expect.Forbidden, bureauStaff, PointState),
            new("POST", "/registration-points/{id:guid}/close", ids => $"/registration-points/{ids.CityPoint}/close", Expect.Login, Expect.Forbidden, bureauStaff, PointState, StaleVersion),
            new("POST", "/registration-points/{id:guid}/reopen", ids => $"/registration-points/{ids.CityPoint}/reopen", Expect.Login, Expect.Forbidden, bureauStaff, PointState, StaleVersion),
            new("POST", "/registration-points/{id:guid}/registrars", ids => $"/registration-points/{ids.CityPoint}/registrars", Expect.Login, Expect.Forbidden, bureauStaff, PointState),
            // Removing an assignment that is not there changes nothing, so the matrix tries a user who was never assigned.
            new("POST", "/registration-points/{id:guid}/registrars/{userId:guid}/remove", ids => $"/registration-points/{ids.CityPoint}/registrars/{ids.AqnuStaffUser}/remove",
                Expect.Login, Expect.Forbidden, bureauStaff, PointState),

            // 高新技术企业: enterprises enter their certificates; their county or park, or the bureau, confirms; leaders read.
            new("GET", "/enterprises", _ => "/enterprises", Expect.Login, Expect.Forbidden, qualificationReaders),
            new("GET", "/enterprises/export", _ => "/enterprises/export", Expect.Login, Expect.Forbidden, qualificationReaders),
            new("GET", "/enterprises/high-tech/new", _ => "/enterprises/high-tech/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b")),
            new("POST", "/enterprises/high-tech/new", _ => "/enterprises/high-tech/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"), HighTechState),
            highTechAction("confirm"),
            highTechAction("reject"),
            new("GET", "/enterprises/tech-sme", _ => "/enterprises/tech-sme", Expect.Login, Expect.Forbidden, qualificationReaders),
            new("GET", "/enterprises/tech-sme/new", _ => "/enterprises/tech-sme/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b")),
            new("POST", "/enterprises/tech-sme/new", _ => "/enterprises/tech-sme/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"), TechSmeState),
            techSmeAction("confirm"),
            techSmeAction("reject"),
            new("GET", "/enterprises/specialized", _ => "/enterprises/specialized", Expect.Login, Expect.Forbidden, qualificationReaders),
            new("GET", "/enterprises/specialized/new", _ => "/enterprises/specialized/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b")),
            new("POST", "/enterprises/specialized/new", _ => "/enterprises/specialized/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"), SpecializedState),
            specializedAction("confirm"),
            specializedAction("reject"),
            new("GET", "/enterprises/import", _ => "/enterprises/import", Expect.Login, Expect.Forbidden, bureauStaff),
            new("POST", "/enterprises/import", _ => "/enterprises/import", Expect.Login, Expect.Forbidden, bureauStaff, SpecializedState),

            // 高企培育库: the county's or park's own working list; the bureau sees all.
            new("GET", "/enterprises/cultivation", _ => "/enterprises/cultivation", Expect.Login, Expect.Forbidden, cultivators),
            new("GET", "/enterprises/cultivation/new", _ => "/enterprises/cultivation/new", Expect.Login, Expect.Forbidden, cultivators),
            new("POST", "/enterprises/cultivation/new", _ => "/enterprises/cultivation/new", Expect.Login, Expect.Forbidden, cultivators, CultivationState),
            new("GET", "/enterprises/cultivation/{id:guid}", ids => $"/enterprises/cultivation/{ids.HuainingCultivation}", Expect.Login, Expect.NotFound, huainingCultivation),
            new("GET", "/enterprises/cultivation/{id:guid}/edit", ids => $"/enterprises/cultivation/{ids.HuainingCultivation}/edit", Expect.Login, Expect.NotFound, huainingCultivation),
            new("POST", "/enterprises/cultivation/{id:guid}/edit", ids => $"/enterprises/cultivation/{ids.HuainingCultivation}/edit", Expect.Login, Expect.NotFound,
                huainingCultivation, CultivationState, StaleVersion),
            new("POST", "/enterprises/cultivation/{id:guid}/notes", ids => $"/enterprises/cultivation/{ids.HuainingCultivation}/notes", Expect.Login, Expect.NotFound,
                huainingCultivation, CultivationState),

            // 领导驾驶舱 and 目标管理: the city's view opens any scope; a county or park only its own (404 for another's).
            new("GET", "/cockpit", _ => "/cockpit", Expect.Login, Expect.Forbidden, cockpitViewers),
            new("GET", "/cockpit", _ => "/cockpit?region=340822", Expect.Login, Expect.Forbidden, huainingCockpit),
            new("GET", "/cockpit/print", _ => "/cockpit/print?region=340822", Expect.Login, Expect.Forbidden, huainingCockpit),
            new("GET", "/cockpit/export", _ => "/cockpit/export?region=340822", Expect.Login, Expect.Forbidden, huainingCockpit),
            new("GET", "/cockpit/export", _ => "/cockpit/export", Expect.Login, Expect.Forbidden, cockpitViewers),
            new("GET", "/targets", _ => "/targets", Expect.Login, Expect.Forbidden, cockpitViewers),
            new("GET", "/targets", _ => "/targets?region=340822", Expect.Login, Expect.Forbidden, huainingCockpit),
            new("GET", "/targets/baseline", ids => $"/targets/baseline?indicator={ids.AbsorbedIndicator}&region=340822&year=2021", Expect.Login, Expect.Forbidden, targetSetters),
            new("POST", "/targets/baseline", ids => $"/targets/baseline?IndicatorId={ids.AbsorbedIndicator}", Expect.Login, Expect.Forbidden, targetSetters, TargetState,
                new Dictionary<string, string> { ["RegionCode"] = "340822", ["Year"] = "2021", ["Value"] = "", ["SourceDocument"] = "" }),
            new("GET", "/targets/value", ids => $"/targets/value?indicator={ids.AbsorbedIndicator}&region=340822&year=2024", Expect.Login, Expect.Forbidden, targetSetters),
            new("POST", "/targets/value", ids => $"/targets/value?IndicatorId={ids.AbsorbedIndicator}", Expect.Login, Expect.Forbidden, targetSetters, TargetState,
                new Dictionary<string, string> { ["RegionCode"] = "340822", ["Year"] = "2024", ["Value"] = "" }),
            new("GET", "/targets/periods/new", _ => "/targets/periods/new", Expect.Login, Expect.Forbidden, targetSetters),
            new("POST", "/targets/periods/new", _ => "/targets/periods/new", Expect.Login, Expect.Forbidden, targetSetters, TargetState),
            new("POST", "/targets/periods/{id:guid}/generate", ids => $"/targets/periods/{ids.PlanPeriod}/generate", Expect.Login, Expect.Forbidden, targetSetters, TargetState),
            new("POST", "/targets/lock", ids => $"/targets/lock?period={ids.PlanPeriod}", Expect.Login, Expect.Forbidden, targetSetters, TargetState, new Dictionary<string, string> { ["region"] = "340822" }),
            new("POST", "/targets/unlock", ids => $"/targets/unlock?period={ids.PlanPeriod}", Expect.Login, Expect.Forbidden, targetSetters, TargetState, new Dictionary<string, string> { ["region"] = "340822" }),
            new("POST", "/targets/contract-field", _ => "/targets/contract-field", Expect.Login, Expect.Forbidden, bureauOnly, IndicatorState,
                new Dictionary<string, string> { ["field"] = "TechAmount" }),

            // 评审专家库: the bureau manages; counties and parks recommend; an expert sees and edits their own record.
            new("GET", "/experts", _ => "/experts", Expect.Login, Expect.Forbidden, Merge(recommenders, experts)),
            new("GET", "/experts/mine", _ => "/experts/mine", Expect.Login, Expect.Forbidden, experts),
            new("GET", "/experts/apply", _ => "/experts/apply", Expect.Login, Expect.Forbidden, Merge(recommenders, experts)),
            new("POST", "/experts/apply", _ => "/experts/apply", Expect.Login, Expect.Forbidden, Merge(recommenders, experts), ExpertState),
            new("GET", "/experts/{id:guid}", ids => $"/experts/{ids.ExpertA}", Expect.Login, Expect.NotFound, expertAReaders),
            new("POST", "/experts/{id:guid}/reveal", ids => $"/experts/{ids.ExpertA}/reveal", Expect.Login, Expect.NotFound, expertAReaders, RevealState),
            new("GET", "/experts/{id:guid}/edit", ids => $"/experts/{ids.ExpertA}/edit", Expect.Login, Expect.NotFound, expertAReaders),
            new("POST", "/experts/{id:guid}/edit", ids => $"/experts/{ids.ExpertA}/edit", Expect.Login, Expect.NotFound, expertAReaders, ExpertState, StaleVersion),
            new("POST", "/experts/{id:guid}/{step:regex(^(approve|reject|suspend|reinstate|remove|reevaluate)$)}", ids => $"/experts/{ids.ExpertA}/suspend",
                Expect.Login, Expect.NotFound, expertAManagers, ExpertState, StaleVersion),
            new("POST", "/experts/{id:guid}/integrity", ids => $"/experts/{ids.ExpertA}/integrity", Expect.Login, Expect.NotFound, expertAManagers, ExpertState),

            // 评审组: the bureau only; the names are covered by PanelSecrecyTests.
            new("GET", "/panels", _ => "/panels", Expect.Login, Expect.Forbidden, bureauOnly),
            new("GET", "/panels/new", _ => "/panels/new", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/panels/new", _ => "/panels/new", Expect.Login, Expect.Forbidden, bureauOnly, PanelState),
            new("GET", "/panels/{id:guid}", ids => $"/panels/{ids.Panel}", Expect.Login, Expect.NotFound, panelReaders),
            new("GET", "/panels/{id:guid}/export", ids => $"/panels/{ids.Panel}/export", Expect.Login, Expect.NotFound, panelReaders),
            new("POST", "/panels/{id:guid}/draw", ids => $"/panels/{ids.Panel}/draw", Expect.Login, Expect.NotFound, panelReaders, PanelState),
            new("GET", "/panels/{id:guid}/replay", ids => $"/panels/{ids.Panel}/replay", Expect.Login, Expect.NotFound, panelReaders),
            new("POST", "/panels/{id:guid}/chief", ids => $"/panels/{ids.Panel}/chief?memberId={ids.ExpertASeat}", Expect.Login, Expect.NotFound, panelReaders, PanelState),
            new("POST", "/panels/{id:guid}/publish", ids => $"/panels/{ids.Panel}/publish", Expect.Login, Expect.NotFound, panelReaders, PanelState),
            new("POST", "/panels/{id:guid}/members/{memberId:guid}/no-show", ids => $"/panels/{ids.Panel}/members/{ids.ExpertBSeat}/no-show",
                Expect.Login, Expect.NotFound, panelReaders, PanelState),
            new("POST", "/panels/{id:guid}/members/{memberId:guid}/exclude", ids => $"/panels/{ids.Panel}/members/{ids.ExpertASeat}/exclude",
                Expect.Login, Expect.NotFound, panelReaders, PanelState),
            new("POST", "/panels/{id:guid}/recuse", ids => $"/panels/{ids.Panel}/recuse", Expect.Login, Expect.NotFound, panelReaders, PanelState),

            // 我的评审: an expert reaches only their own seat.
            new("GET", "/reviews", _ => "/reviews", Expect.Login, Expect.Forbidden, experts),
            new("GET", "/reviews/{memberId:guid}", ids => $"/reviews/{ids.ExpertASeat}", Expect.Login, Expect.NotFound, Only(Expect.Allowed, "expert.a")),
            seatAction("declare"),
            seatAction("commit"),
            seatAction("score"),
            seatAction("opinion"),
            seatAction("close"),

            // 市科技计划项目: calls and the 榜单 are public; the bureau manages calls; enterprises propose problems, counties screen them.
            new("GET", "/projects", _ => "/projects", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/projects/calls", _ => "/projects/calls", Expect.Login, Expect.Forbidden, bureauOnly),
            new("GET", "/projects/calls/new", _ => "/projects/calls/new", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/projects/calls/new", _ => "/projects/calls/new", Expect.Login, Expect.Forbidden, bureauOnly, CallState),
            new("GET", "/projects/calls/{id:guid}", ids => $"/projects/calls/{ids.Call}", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/projects/calls/{id:guid}/programmes", ids => $"/projects/calls/{ids.Call}/programmes", Expect.Login, Expect.Forbidden, bureauOnly, CallState),
            new("POST", "/projects/calls/{id:guid}/text", ids => $"/projects/calls/{ids.Call}/text", Expect.Login, Expect.Forbidden, bureauOnly, CallTextState),
            new("POST", "/projects/calls/{id:guid}/guide", ids => $"/projects/calls/{ids.Call}/guide", Expect.Login, Expect.Forbidden, bureauOnly, CallTextState),
            // The guide of a draft call without one: nobody finds it (a published call's guide is public, see CallTextTests).
            new("GET", "/projects/calls/{id:guid}/guide", ids => $"/projects/calls/{ids.Call}/guide", Expect.NotFound, Expect.NotFound, Only(Expect.NotFound)),
            new("GET", "/projects/programmes/{id:guid}/edit", ids => $"/projects/programmes/{ids.Programme}/edit", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/projects/programmes/{id:guid}/edit", ids => $"/projects/programmes/{ids.Programme}/edit", Expect.Login, Expect.Forbidden, bureauOnly, ProgrammeState),
            new("POST", "/projects/calls/{id:guid}/publish", ids => $"/projects/calls/{ids.Call}/publish", Expect.Login, Expect.Forbidden, bureauOnly, CallState, StaleVersion),
            new("GET", "/projects/problems", _ => "/projects/problems", Expect.Login, Expect.Forbidden, problemUsers),
            // Issue 23 §8: ent.a's problem (怀宁县) is read by its enterprise, its county and the bureau; anyone else does not find it.
            new("GET", "/projects/problems/{id:guid}", ids => $"/projects/problems/{ids.Problem}", Expect.Login, Expect.NotFound,
                Only(Expect.Allowed, "ent.a", "county.huaining", "bureau")),
            new("GET", "/projects/problems/new", _ => "/projects/problems/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b")),
            new("POST", "/projects/problems/new", _ => "/projects/problems/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"), ProblemState),
            new("POST", "/projects/problems/{id:guid}/screen", ids => $"/projects/problems/{ids.Problem}/screen", Expect.Login, Expect.NotFound,
                Merge(problemReaders, Only(Expect.Allowed, "county.huaining")), ProblemState, StaleVersion),
            new("POST", "/projects/problems/{id:guid}/list", ids => $"/projects/problems/{ids.Problem}/list", Expect.Login, Expect.NotFound,
                Merge(problemReaders, Only(Expect.Allowed, "bureau")), ProblemState, StaleVersion),

            // 项目申报: applicants fill in and submit; their county or park recommends; the bureau checks.
            new("GET", "/projects/applications", _ => "/projects/applications", Expect.Login, Expect.Forbidden, applicationUsers),
            new("POST", "/projects/applications/new", ids => $"/projects/applications/new?programmeId={ids.Programme}", Expect.Login, Expect.Forbidden, applicants, ApplicationState),
            new("GET", "/projects/applications/{id:guid}", ids => $"/projects/applications/{ids.Application}", Expect.Login, Expect.NotFound,
                Only(Expect.Allowed, applicationFinders)),
            new("POST", "/projects/applications/{id:guid}", ids => $"/projects/applications/{ids.Application}", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "ent.a")), ApplicationState, StaleVersion),
            new("POST", "/projects/applications/{id:guid}/attachments", ids => $"/projects/applications/{ids.Application}/attachments", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "ent.a")), ApplicationState),
            // Issue 23 §1: 竞争后补助's declared results, on the applicant's own application (a refused declaration answers on the page).
            new("POST", "/projects/applications/{id:guid}/results", ids => $"/projects/applications/{ids.Application}/results", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "ent.a")), ApplicationState),
            new("POST", "/projects/applications/{id:guid}/submit", ids => $"/projects/applications/{ids.Application}/submit", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "ent.a")), ApplicationState, StaleVersion),
            new("POST", "/projects/applications/{id:guid}/recommend", ids => $"/projects/applications/{ids.Application}/recommend", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "county.huaining")), ApplicationState, StaleVersion),
            new("POST", "/projects/applications/{id:guid}/poster-opinion", ids => $"/projects/applications/{ids.Application}/poster-opinion", Expect.Login, Expect.NotFound,
                Only(Expect.Forbidden, applicationFinders), ApplicationState),
            new("POST", "/projects/applications/{id:guid}/check", ids => $"/projects/applications/{ids.Application}/check", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), Only(Expect.Allowed, "bureau")), ApplicationState, StaleVersion),

            // 评审与立项: the bureau reviews, ranks, decides and runs the publicity; the publicity and its objection channel are public.
            new("POST", "/projects/applications/{id:guid}/panel", ids => $"/projects/applications/{ids.Application}/panel", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), bureauOnly), ApplicationState),
            new("POST", "/projects/applications/{id:guid}/score", ids => $"/projects/applications/{ids.Application}/score", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), bureauOnly), ApplicationState),
            new("POST", "/projects/applications/{id:guid}/decide", ids => $"/projects/applications/{ids.Application}/decide", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), bureauOnly), ApplicationState, StaleVersion),
            // Issue 23 §8: a programme's page is public once its call is published; the matrix's call is a draft, so only the bureau finds it.
            new("GET", "/projects/programmes/{id:guid}", ids => $"/projects/programmes/{ids.Programme}", Expect.NotFound, Expect.NotFound, bureauOnly),
            new("GET", "/projects/programmes/{id:guid}/ranking", ids => $"/projects/programmes/{ids.Programme}/ranking", Expect.Login, Expect.Forbidden, bureauOnly),
            // Issue 23 §2: the bureau sets up one panel for each eligible application of a programme.
            new("POST", "/projects/programmes/{id:guid}/panels", ids => $"/projects/programmes/{ids.Programme}/panels", Expect.Login, Expect.Forbidden, bureauOnly),
            // Issue 23 §1: 研发众包 方案比选, the bureau's only.
            new("GET", "/projects/programmes/{id:guid}/solutions", ids => $"/projects/programmes/{ids.Programme}/solutions", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/projects/programmes/{id:guid}/solutions", ids => $"/projects/programmes/{ids.Programme}/solutions", Expect.Login, Expect.Forbidden, bureauOnly,
                ApplicationState),
            new("POST", "/projects/programmes/{id:guid}/publicity", ids => $"/projects/programmes/{ids.Programme}/publicity", Expect.Login, Expect.Forbidden, bureauOnly,
                PublicityState),
            new("GET", "/projects/publicity/{id:guid}", ids => $"/projects/publicity/{ids.Publicity}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/projects/publicity/{id:guid}/objections", ids => $"/projects/publicity/{ids.Publicity}/objections", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/projects/publicity/{id:guid}/objections/{objectionId:guid}/answer", ids => $"/projects/publicity/{ids.Publicity}/objections/{Guid.Empty}/answer",
                Expect.Login, Expect.Forbidden, bureauOnly, PublicityState),
            new("POST", "/projects/publicity/{id:guid}/end", ids => $"/projects/publicity/{ids.Publicity}/end", Expect.Login, Expect.Forbidden, bureauOnly, PublicityState),
            new("POST", "/projects/publicity/{id:guid}/applications/{applicationId:guid}/resolve",
                ids => $"/projects/publicity/{ids.Publicity}/applications/{ids.Application}/resolve", Expect.Login, Expect.Forbidden, bureauOnly, PublicityState),

            // 项目管理: the bureau signs, pays and accepts; the unit reports and asks for changes; counties and parks follow theirs.
            new("POST", "/projects/applications/{id:guid}/contract", ids => $"/projects/applications/{ids.Application}/contract", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), bureauOnly), ProjectState),
            new("GET", "/projects/awarded", _ => "/projects/awarded", Expect.Login, Expect.Forbidden, applicationUsers),
            new("GET", "/projects/awarded/{id:guid}", ids => $"/projects/awarded/{ids.Project}", Expect.Login, Expect.NotFound, Only(Expect.Allowed, applicationFinders)),
            projectAction("disburse", "bureau"),
            projectAction("reports", "ent.a"),
            new("POST", "/projects/awarded/{id:guid}/sign", ids => $"/projects/awarded/{ids.Project}/sign", Expect.Login, Expect.NotFound,
                Only(Expect.Forbidden, applicationFinders), ProjectState),
            projectAction("changes", "ent.a"),
            new("POST", "/projects/awarded/{id:guid}/changes/{changeId:guid}", ids => $"/projects/awarded/{ids.Project}/changes/{Guid.Empty}", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, applicationFinders), bureauOnly), ProjectState),
            projectAction("accept", "bureau"), projectAction("acceptance-panel", "bureau"),
            // Issue 23 §7: sanctions and the recovered funds, for the bureau (an empty form or an unknown sanction changes nothing).
            projectAction("sanctions", "bureau"),
            new("POST", "/projects/awarded/{id:guid}/sanctions/{sanctionId:guid}/recovered", ids => $"/projects/awarded/{ids.Project}/sanctions/{Guid.Empty}/recovered",
                Expect.Login, Expect.NotFound, Only(Expect.NotFound), ProjectState),
            new("GET", "/projects/figures", _ => "/projects/figures", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "leader.city", "leader.huaining", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj")),

            // 供需对接: the market is public; ent.a's pending need is found by the city scope, 怀宁县 and ent.a; the published
            // result by everyone. Owners post and manage theirs, the county or park of the owner (or the bureau) reviews.
            new("GET", "/needs", _ => "/needs", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/results", _ => "/results", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/needs/manage", _ => "/needs/manage", Expect.Login, Expect.Forbidden, Merge(marketReviewers, Only(Expect.Allowed, "ent.a", "ent.b"))),
            new("GET", "/results/manage", _ => "/results/manage", Expect.Login, Expect.Forbidden, Merge(marketReviewers, Only(Expect.Allowed, "univ.aqnu", "univ.buct"))),
            new("GET", "/needs/{id:guid}", ids => $"/needs/{ids.PendingNeed}", Expect.NotFound, Expect.NotFound, Only(Expect.Allowed, pendingNeedFinders)),
            new("GET", "/results/{id:guid}", ids => $"/results/{ids.PublishedResult}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/needs/new", _ => "/needs/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b")),
            new("POST", "/needs/new", _ => "/needs/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"), NeedState),
            new("GET", "/results/new", _ => "/results/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.aqnu", "univ.buct")),
            new("POST", "/results/new", _ => "/results/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.aqnu", "univ.buct"), ResultState),
            new("GET", "/needs/{id:guid}/edit", ids => $"/needs/{ids.PendingNeed}/edit", Expect.Login, Expect.NotFound, pendingNeedOwner),
            new("POST", "/needs/{id:guid}/edit", ids => $"/needs/{ids.PendingNeed}/edit", Expect.Login, Expect.NotFound, pendingNeedOwner, NeedState, StaleVersion),
            new("GET", "/results/{id:guid}/edit", ids => $"/results/{ids.PublishedResult}/edit", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct")),
            new("POST", "/results/{id:guid}/edit", ids => $"/results/{ids.PublishedResult}/edit", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct"),
                ResultState, StaleVersion),
            new("POST", "/needs/{id:guid}/review", ids => $"/needs/{ids.PendingNeed}/review", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, pendingNeedFinders), Only(Expect.Allowed, "bureau", "county.huaining")), NeedState, StaleVersion),
            new("POST", "/results/{id:guid}/review", ids => $"/results/{ids.PublishedResult}/review", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "park.gxq"), ResultState, StaleVersion),
            needAction("withdraw"), needAction("resubmit"), needAction("close"), needAction("dismiss"),
            resultAction("withdraw"), resultAction("resubmit"), resultAction("close"), resultAction("dismiss"),

            // 对接意向: between the two owners; the city follows them.
            new("GET", "/docking", _ => "/docking", Expect.Login, Expect.Forbidden, Merge(marketReviewers, Only(Expect.Allowed, "univ.aqnu", "univ.buct", "ent.a", "ent.b"))),
            new("POST", "/docking", ids => $"/docking?needId={ids.PublishedNeed}&resultId={ids.PublishedResult}", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "ent.a", "univ.buct"), DockingState, new Dictionary<string, string> { ["message"] = "矩阵测试" }),
            new("GET", "/docking/{id:guid}", ids => $"/docking/{ids.Docking}", Expect.Login, Expect.NotFound, Only(Expect.Allowed, [.. dockingCity, "ent.a", "univ.buct"])),
            new("POST", "/docking/{id:guid}/decide", ids => $"/docking/{ids.Docking}/decide", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, [.. dockingCity, "univ.buct"]), Only(Expect.Allowed, "ent.a")), DockingState, StaleVersion),
            new("POST", "/docking/{id:guid}/messages", ids => $"/docking/{ids.Docking}/messages", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, dockingCity), Only(Expect.Allowed, "ent.a", "univ.buct")), DockingState, StaleVersion),
            // 撮合 (issue 24 §8): the bureau and the counties and parks (their commissioners' keepers) see suggestions; a county or park
            // brokers a pair whose need or result is of its region (ent.a's need: 怀宁县; 北化工's result: 高新区).
            new("GET", "/docking/suggestions", _ => "/docking/suggestions", Expect.Login, Expect.Forbidden, marketReviewers),
            new("POST", "/docking/broker", ids => $"/docking/broker?needId={ids.PublishedNeed}&resultId={ids.PublishedResult}", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "county.huaining", "park.gxq"), DockingState, new Dictionary<string, string> { ["message"] = "矩阵测试" }),

            // 科技服务专员: kept by the bureau, counties and parks; 怀宁县's commissioner is 怀宁县's and the city's. 市经信局 (dept.jxj) leads the
            // 工业互联网服务专员: it registers that kind only (the form posts that kind; another is refused, see MarketTests); the
            // municipal departments read the city's list and records, and keep none of 怀宁县's 双链融合专员.
            new("GET", "/commissioners", _ => "/commissioners", Expect.Login, Expect.Forbidden,
                Merge(marketReviewers, Only(Expect.Allowed, "leader.city", "leader.huaining", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj"))),
            new("GET", "/commissioners/new", _ => "/commissioners/new", Expect.Login, Expect.Forbidden, Merge(marketReviewers, Only(Expect.Allowed, "dept.jxj"))),
            new("POST", "/commissioners/new", _ => "/commissioners/new", Expect.Login, Expect.Forbidden, Merge(marketReviewers, Only(Expect.Allowed, "dept.jxj")),
                CommissionerState, new Dictionary<string, string> { ["Kind"] = "IndustrialInternet" }),
            new("GET", "/commissioners/{id:guid}", ids => $"/commissioners/{ids.Commissioner}", Expect.Login, Expect.NotFound,
                Only(Expect.Allowed, "bureau", "bureau.admin", "leader.city", "leader.huaining", "county.huaining", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj")),
            commissionerAction("assignments"), commissionerAction("logs"),
            // The split of the city's yearly numbers over the regions: the bureau's alone (the form comes back with its errors).
            new("GET", "/commissioners/targets", _ => "/commissioners/targets", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/commissioners/targets", _ => "/commissioners/targets", Expect.Login, Expect.Forbidden, bureauOnly, CommissionerTargetState,
                new Dictionary<string, string> { ["Year"] = "2026" }),

            // 对接活动: announced to all; its organizer adds listings and outcomes.
            new("GET", "/docking-events", _ => "/docking-events", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/docking-events/{id:guid}", ids => $"/docking-events/{ids.Event}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/docking-events/new", _ => "/docking-events/new", Expect.Login, Expect.Forbidden, marketReviewers),
            new("POST", "/docking-events/new", _ => "/docking-events/new", Expect.Login, Expect.Forbidden, marketReviewers, EventState),
            new("POST", "/docking-events/{id:guid}/listings", ids => $"/docking-events/{ids.Event}/listings", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "county.huaining"), EventState, StaleVersion),
            new("POST", "/docking-events/{id:guid}/outcomes", ids => $"/docking-events/{ids.Event}/outcomes", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "county.huaining"), EventState, StaleVersion),

            // 创新平台与载体: a public catalogue; counties, parks and the bureau keep their region's records, the host its profile.
            new("GET", "/carriers", _ => "/carriers", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/carriers/new", _ => "/carriers/new", Expect.Login, Expect.Forbidden, marketReviewers),
            new("POST", "/carriers/new", _ => "/carriers/new", Expect.Login, Expect.Forbidden, marketReviewers, CarrierState),
            new("GET", "/carriers/{id:guid}", ids => $"/carriers/{ids.PilotBase}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/carriers/{id:guid}/profile", ids => $"/carriers/{ids.PilotBase}/profile", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct"),
                CarrierState, StaleVersion),
            new("POST", "/carriers/{id:guid}/revoke", ids => $"/carriers/{ids.PilotBase}/revoke", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "park.gxq"),
                CarrierState, StaleVersion),
            new("POST", "/carriers/{id:guid}/recognitions", ids => $"/carriers/{ids.PilotBase}/recognitions", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "univ.buct", "park.gxq"), CarrierState),
            new("POST", "/carriers/recognitions/{applicationId:guid}/decide", ids => $"/carriers/recognitions/{ids.Recognition}/decide", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, pilotFinders), bureauOnly), CarrierState, StaleVersion),
            new("POST", "/carriers/recognitions/{applicationId:guid}/panel", ids => $"/carriers/recognitions/{ids.Recognition}/panel", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, pilotFinders), bureauOnly), CarrierPanelState, StaleVersion),
            new("POST", "/carriers/{id:guid}/members", ids => $"/carriers/{ids.PilotBase}/members", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "univ.buct"),
                CarrierState, StaleVersion),
            new("POST", "/carriers/{id:guid}/members/{organizationId:guid}/remove", ids => $"/carriers/{ids.PilotBase}/members/{ids.Agency}/remove", Expect.Login,
                Expect.Forbidden, Only(Expect.Allowed, "bureau", "univ.buct"), CarrierState, StaleVersion),
            new("POST", "/carriers/{id:guid}/enclave", ids => $"/carriers/{ids.PilotBase}/enclave", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "univ.buct"),
                CarrierState, StaleVersion),
            new("POST", "/carriers/{id:guid}/reports", ids => $"/carriers/{ids.PilotBase}/reports", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct"), CarrierState),
            new("POST", "/carriers/reports/{reportId:guid}/assess", ids => $"/carriers/reports/{ids.Report}/assess", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, pilotFinders), bureauOnly), CarrierState, StaleVersion),
            new("GET", "/carriers/services", _ => "/carriers/services", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/carriers/{id:guid}/services", ids => $"/carriers/{ids.PilotBase}/services", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.buct"),
                CarrierState),
            // 撤回 on a stale version: every cell reaches the same published service (the allowed users' withdrawals fail on the version, so nothing changes).
            new("POST", "/carriers/services/{id:guid}/withdraw", ids => $"/carriers/services/{ids.PilotService}/withdraw", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "univ.buct"), PilotServiceState, StaleVersion),
            new("POST", "/carriers/services/{id:guid}/requests", ids => $"/carriers/services/{ids.PilotService}/requests", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "ent.a", "ent.b"), ServiceRequestState),
            new("GET", "/carriers/requests", _ => "/carriers/requests", Expect.Login, everyone, Only(Expect.Allowed)),
            new("POST", "/carriers/requests/{id:guid}/answer", ids => $"/carriers/requests/{ids.ServiceRequest}/answer", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, requestFinders), Only(Expect.Allowed, "univ.buct")), ServiceRequestState, StaleVersion),
            new("POST", "/carriers/requests/{id:guid}/complete", ids => $"/carriers/requests/{ids.ServiceRequest}/complete", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, requestFinders), Only(Expect.Allowed, "univ.buct")), ServiceRequestState, StaleVersion),

            // 技术转移机构排名: public once confirmed by the bureau; the contracts behind an agency's figures for the bureau and the agency.
            new("GET", "/carriers/ranking", _ => "/carriers/ranking", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/carriers/ranking/{year:int}/confirm", _ => "/carriers/ranking/2025/confirm", Expect.Login, Expect.Forbidden, bureauOnly),
            new("GET", "/carriers/ranking/{year:int}/agencies/{id:guid}", ids => $"/carriers/ranking/2025/agencies/{ids.Agency}", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "agency.a")),

            // 应用场景: published by counties, parks and enterprises; suppliers express interest; the publisher closes it.
            new("GET", "/scenarios", _ => "/scenarios", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/scenarios/new", _ => "/scenarios/new", Expect.Login, Expect.Forbidden, scenarioPublishers),
            new("POST", "/scenarios/new", _ => "/scenarios/new", Expect.Login, Expect.Forbidden, scenarioPublishers, ScenarioState),
            new("GET", "/scenarios/{id:guid}", ids => $"/scenarios/{ids.Scenario}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/scenarios/{id:guid}/interest", ids => $"/scenarios/{ids.Scenario}/interest", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "ent.a", "ent.b", "univ.aqnu", "univ.buct", "agency.a"), ScenarioState, StaleVersion),
            new("POST", "/scenarios/{id:guid}/close", ids => $"/scenarios/{ids.Scenario}/close", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "park.gxq"),
                ScenarioState, StaleVersion),
            new("POST", "/scenarios/{id:guid}/accept", ids => $"/scenarios/{ids.Scenario}/accept", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "park.gxq"),
                ScenarioState, StaleVersion),
            new("GET", "/scenarios/manage", _ => "/scenarios/manage", Expect.Login, Expect.Forbidden, Merge(scenarioPublishers, Only(Expect.Allowed, "bureau", "bureau.admin"))),
            pendingScenarioRow("GET", "edit"), pendingScenarioRow("POST", "edit"), pendingScenarioRow("POST", "submit"),
            pendingScenarioRow("POST", "approve"), pendingScenarioRow("POST", "return"),

            // 科技金融: products are public once published; a bank keeps its own products and the applications to them.
            new("GET", "/finance", _ => "/finance", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/finance/products/new", _ => "/finance/products/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bank.a")),
            new("POST", "/finance/products/new", _ => "/finance/products/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bank.a"), LoanState),
            new("GET", "/finance/products/{id:guid}", ids => $"/finance/products/{ids.LoanProduct}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/finance/products/{id:guid}/withdraw", ids => $"/finance/products/{ids.LoanProduct}/withdraw", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bank.a"), LoanState, StaleVersion),
            new("POST", "/finance/products/{id:guid}/applications", ids => $"/finance/products/{ids.LoanProduct}/applications", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "ent.a", "ent.b"), LoanState),
            new("GET", "/finance/applications", _ => "/finance/applications", Expect.Login, Expect.Forbidden,
                Merge(marketReviewers, Only(Expect.Allowed, "bank.a", "ent.a", "ent.b"))),
            loanAction("decide"), loanAction("disburse"), loanAction("repay"), loanAction("default"),
            new("GET", "/finance/pool", _ => "/finance/pool", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "bank.a", "dept.jrj")),
            new("POST", "/finance/pool/agreements", _ => "/finance/pool/agreements", Expect.Login, Expect.Forbidden, bureauOnly, PoolState),
            new("POST", "/finance/pool/agreements/{id:guid}/review", ids => $"/finance/pool/agreements/{ids.Agreement}/review", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, ["bureau.admin", "leader.city", "bank.a", .. departments]), bureauOnly), PoolState, StaleVersion),
            new("POST", "/finance/pool/claims", ids => $"/finance/pool/claims?loanId={ids.ClaimLoan}", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, "bureau", "bureau.admin", "leader.city", "county.huaining", "leader.huaining", "ent.a"), Only(Expect.Allowed, "bank.a")),
                PoolState, new Dictionary<string, string> { ["evidence"] = "矩阵测试" }),
            new("POST", "/finance/pool/claims/{id:guid}/decide", ids => $"/finance/pool/claims/{ids.Claim}/decide", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, claimFinders), bureauOnly), PoolState, StaleVersion),
            new("POST", "/finance/pool/claims/{id:guid}/recoveries", ids => $"/finance/pool/claims/{ids.Claim}/recoveries", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, claimFinders), Only(Expect.Allowed, "bank.a")), PoolState, StaleVersion),
            new("GET", "/finance/fund", _ => "/finance/fund", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "leader.city", "dept.jrj")),
            new("POST", "/finance/fund", _ => "/finance/fund", Expect.Login, Expect.Forbidden, bureauOnly, PoolState),
            new("GET", "/finance/fund/{id:guid}", ids => $"/finance/fund/{ids.FundInvestment}", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "leader.city", "dept.jrj")),
            new("POST", "/finance/fund/{id:guid}/correct", ids => $"/finance/fund/{ids.FundInvestment}/correct", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, ["bureau.admin", "leader.city", .. departments]), bureauOnly), FundState, StaleVersion),
            new("GET", "/finance/figures", _ => "/finance/figures", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "bank.a", "leader.city", "dept.jrj")),
            new("POST", "/finance/figures", _ => "/finance/figures", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bank.a"), FiguresState),
            new("POST", "/finance/figures/{year:int}/lock", _ => "/finance/figures/2030/lock", Expect.Login, Expect.Forbidden, bureauOnly, FiguresState),

            // 三首: the list, the catalog and its purchases are public; the economy and IT bureau (dept.jxj) keeps the list and
            // decides; enterprises apply, their county or park screens.
            new("GET", "/first-products", _ => "/first-products", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/first-products/demand", _ => "/first-products/demand", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.jxj"), FirstProductState),
            // Issue 24 §4: the deciding department adjusts, retires and revises its list (the matrix knows no entry: 404 for it, 403 for others).
            new("POST", "/first-products/demand/{id:guid}/revise", _ => $"/first-products/demand/{Guid.Empty}/revise", Expect.Login, Expect.Forbidden,
                Only(Expect.NotFound, "dept.jxj"), FirstProductState),
            new("POST", "/first-products/demand/{id:guid}/retire", _ => $"/first-products/demand/{Guid.Empty}/retire", Expect.Login, Expect.Forbidden,
                Only(Expect.NotFound, "dept.jxj"), FirstProductState),
            new("POST", "/first-products/demand/{year:int}/revision", _ => "/first-products/demand/2030/revision", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "dept.jxj"), FirstProductState),
            new("POST", "/first-products/demand/{year:int}/publish", _ => "/first-products/demand/2030/publish", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "dept.jxj"), FirstProductState),
            new("GET", "/first-products/applications", _ => "/first-products/applications", Expect.Login, Expect.Forbidden,
                Merge(marketReviewers, Only(Expect.Allowed, "ent.a", "ent.b", "dept.jxj"))),
            new("POST", "/first-products/applications", _ => "/first-products/applications", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "ent.a", "ent.b"),
                FirstProductState),
            new("POST", "/first-products/applications/{id:guid}/screen", ids => $"/first-products/applications/{ids.FirstProduct}/screen", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, firstProductFinders), Only(Expect.Allowed, "county.huaining")), FirstProductState, StaleVersion),
            new("POST", "/first-products/applications/{id:guid}/decide", ids => $"/first-products/applications/{ids.FirstProduct}/decide", Expect.Login, Expect.NotFound,
                Merge(Only(Expect.Forbidden, firstProductFinders), Only(Expect.Allowed, "dept.jxj")), FirstProductState, StaleVersion),
            new("POST", "/first-products/catalog/{year:int}", _ => "/first-products/catalog/2030", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.jxj"),
                FirstProductState),
            new("GET", "/first-products/catalog", _ => "/first-products/catalog", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/first-products/catalog/{id:guid}/purchases", ids => $"/first-products/catalog/{ids.CatalogProduct}/purchases", Expect.Login, Expect.Forbidden,
                Only(Expect.Allowed, "bureau", "dept.jxj", "dept.zzb", "dept.scj", "dept.jrj", "county.huaining", "county.qianshan", "park.jkq", "park.gxq", "ent.a", "ent.b"), FirstProductState),

            // 任务督办: the lead units and the bureau; 怀宁县's report is found by the city scope and 怀宁县 only.
            new("GET", "/supervision", _ => "/supervision", Expect.Login, Expect.Forbidden, supervisors),
            new("GET", "/supervision/{id:guid}", ids => $"/supervision/{ids.Measure}", Expect.Login, Expect.Forbidden, supervisors),
            new("POST", "/supervision/{id:guid}/reports", ids => $"/supervision/{ids.BureauMeasure}/reports", Expect.Login, Expect.Forbidden, bureauOnly, SupervisionState,
                new Dictionary<string, string> { ["period"] = "2026Q1", ["progress"] = "矩阵测试" }),
            new("POST", "/supervision/reports/{id:guid}/revise", ids => $"/supervision/reports/{ids.HuainingReport}/revise", Expect.Login, Expect.Forbidden,
                Merge(Only(Expect.NotFound, supervisorsNotFinding), Only(Expect.Forbidden, huainingReportFinders), Only(Expect.Allowed, "county.huaining")), SupervisionState, StaleVersion),
            reportReview("accept"), reportReview("ask"),
            measureAction("done"), measureAction("reopen"), measureAction("leads"),
            // Opening the next plan period: the bureau only (a year that does not follow the current period keeps the matrix's measures as they are).
            new("POST", "/supervision/periods", _ => "/supervision/periods", Expect.Login, Expect.Forbidden, bureauOnly, SupervisionState,
                new Dictionary<string, string> { ["startYear"] = "1999", ["endYear"] = "2000", ["deadline"] = "2000-12-31" }),

            // 侵权企业名录: public while listed; the market supervision bureau (dept.scj) records and takes off.
            new("GET", "/infringers", _ => "/infringers", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/infringers/manage", _ => "/infringers/manage", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.scj", "bureau")),
            new("GET", "/infringers/new", _ => "/infringers/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.scj")),
            new("POST", "/infringers/new", _ => "/infringers/new", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.scj"), InfringerState),
            new("POST", "/infringers/{id:guid}/take-off", ids => $"/infringers/{ids.Infringer}/take-off", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "dept.scj"),
                InfringerState, new Dictionary<string, string> { ["version"] = "0", ["outcome"] = "Removed", ["reason"] = "矩阵测试" }),

            // 高校院所年度报告: 安庆师范大学's (宜秀区) report is found by the city scope and the university itself.
            new("GET", "/reports", _ => "/reports", Expect.Login, Expect.Forbidden, reportUsers),
            new("POST", "/reports", _ => "/reports", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "univ.aqnu", "univ.buct"), TransferReportState),
            new("GET", "/reports/{id:guid}", ids => $"/reports/{ids.TransferReport}", Expect.Login, Expect.Forbidden,
                Merge(Only(Expect.NotFound, reportUsersNotFinding), Only(Expect.Allowed, reportFinders)), TransferReportState),
            new("POST", "/reports/{id:guid}", ids => $"/reports/{ids.TransferReport}", Expect.Login, Expect.Forbidden,
                Merge(Only(Expect.NotFound, reportUsersNotFinding), Only(Expect.Forbidden, reportFinders), Only(Expect.Allowed, "univ.aqnu")), TransferReportState, StaleVersion),
            transferReview("accept"), transferReview("return"),
            new("GET", "/reports/summary", _ => "/reports/summary", Expect.Login, Expect.Forbidden, Only(Expect.Allowed, "bureau", "bureau.admin", "leader.city")),

            // 通知公告: public; the bureau publishes, withdraws and answers; anyone objects during a publicity.
            new("GET", "/notices", _ => "/notices", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/notices/{id:guid}", ids => $"/notices/{ids.Notice}", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/notices/{id:guid}/files/{fileId:guid}", ids => $"/notices/{ids.Notice}/files/{ids.NoticeFile}", Expect.Public, everyone, Only(Expect.Allowed)),
            // Every lead unit of a measure publishes notices on its own measures (departments by organization, counties and parks by region).
            new("GET", "/notices/new", _ => "/notices/new", Expect.Login, Expect.Forbidden, noticePublishers),
            new("POST", "/notices/new", _ => "/notices/new", Expect.Login, Expect.Forbidden, noticePublishers, NoticeState),
            new("POST", "/notices/{id:guid}/withdraw", ids => $"/notices/{ids.Notice}/withdraw", Expect.Login, Expect.Forbidden, bureauOnly, NoticeState, StaleVersion),
            new("POST", "/notices/{id:guid}/objections", ids => $"/notices/{ids.Notice}/objections", Expect.Public, everyone, Only(Expect.Allowed)),
            new("POST", "/notices/{id:guid}/objections/{objectionId:guid}/answer", ids => $"/notices/{ids.Notice}/objections/{ids.Objection}/answer", Expect.Login, Expect.Forbidden,
                bureauOnly, NoticeState),

            // 科技成果转化指数 and 开放数据: public; the bureau previews and publishes.
            new("GET", "/index", _ => "/index", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/index/preview", _ => "/index/preview", Expect.Login, Expect.Forbidden, bureauOnly),
            new("POST", "/index/publish", _ => "/index/publish", Expect.Login, Expect.Forbidden, bureauOnly, IndexState),
            new("GET", "/open-data", _ => "/open-data", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/open-data/{name}.{format}", _ => "/open-data/carriers.csv", Expect.Public, everyone, Only(Expect.Allowed)),

            // 帮助: the user guide and its screenshots are public documentation (issue 25 §7).
            new("GET", "/help", _ => "/help", Expect.Public, everyone, Only(Expect.Allowed)),
            new("GET", "/help/images/{name}", _ => "/help/images/sign-in.png", Expect.Public, everyone, Only(Expect.Allowed)),

            // Last: signing out ends the cached sessions.
            new("POST", "/account/logout", _ => "/account/logout", Expect.Login, everyone, Only(Expect.Allowed)),
        ];
    }

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row()
    {
        var endpoints = fx.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null || e.RoutePattern.RawText!.TrimStart('/').StartsWith("health", StringComparison.Ordinal)
                || e.RoutePattern.RawText!.TrimStart('/').StartsWith("metrics", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        var rows = Rows().Select(r => $"{r.Method} {r.Route}").ToHashSet();

        endpoints.Except(rows).Should().BeEmpty("every endpoint needs a row in the authorization matrix");
        rows.Except(endpoints).Should().BeEmpty("every row names an endpoint that exists");
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_the_matrix_says_and_refused_writes_change_nothing()
    {
        var clients = new Dictionary<string, PortalClient> { ["(anonymous)"] = fx.Anonymous() };
        foreach (var user in MatrixUsers)
        {
            clients[user] = await fx.SignInAsync(user);
        }

        var tokens = new ConcurrentDictionary<string, string>();
        var deviations = new List<string>();
        var cells = 0;
        foreach (var row in Rows())
        {
            var url = row.Url(fx.Ids);
            foreach (var (user, client) in clients)
            {
                var expected = user == "(anonymous)" ? row.Anonymous : row.Users.GetValueOrDefault(user, row.Others);
                if (user == "ent.new" && !OpenToPending.Any(p => p == "/" ? url == "/" : url.StartsWith(p, StringComparison.Ordinal)))
                {
                    expected = Expect.Gated;
                }

                var refused = expected is not (Expect.Allowed or Expect.Public or Expect.Any);
                var before = row.State is null || !refused ? null : await row.State(fx);
                HttpResponseMessage response;
                if (row.Method is "GET" or "ANY")
                {
                    response = await client.GetAsync(url);
                }
                else
                {
                    var token = tokens.GetOrAdd(user, _ => client.TokenAsync().GetAwaiter().GetResult());
                    var form = new Dictionary<string, string>(row.Form ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
                    response = await client.Http.PostAsync(url, new FormUrlEncodedContent(form));
                }

                cells++;
                var actual = Describe(response);
                if (!Matches(expected, response))
                {
                    deviations.Add($"{row.Method} {url} as {user}: expected {expected}, got {actual}");
                }

                if (before is not null)
                {
                    var after = await row.State!(fx);
                    if (after != before)
                    {
                        deviations.Add($"{row.Method} {url} as {user}: refused, yet the database changed ({before} → {after})");
                    }
                }
            }
        }

        deviations.Should().BeEmpty($"0 of {cells} cells may deviate");
        cells.Should().BeGreaterThan(700);
    }

    private static bool Matches(Expect expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var toLogin = status == 302 && location.Contains("/account/login", StringComparison.Ordinal) && !location.Contains("login-2fa", StringComparison.Ordinal);
        return expected switch
        {
            Expect.Allowed => status < 500 && status is not (403 or 404 or 400) && !toLogin,
            Expect.Public => status < 500 && status is not (403 or 404 or 400),
            Expect.Login => toLogin,
            Expect.Forbidden => status == 403,
            Expect.NotFound => status == 404,
            Expect.Gated => status == 302 && location == "/workspace",
            Expect.Any => status < 500,
            _ => false,
        };
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l.OriginalString : string.Empty)}";
}
