using System.Linq.Expressions;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Infrastructure.Submissions;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// The portal's unit of work. Instances are pooled (issue 26, docs/architecture.md §3.4): the acting user, the clock
/// and the request are given to an instance for one lease (<see cref="Lease"/>) and forgotten when it goes back to the pool
/// (<see cref="Dispose"/>), so an instance never reads with the previous user's tenant, roles or registration points.
/// </summary>
public partial class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the tenancy query filter; a bypass names it and is allow-listed (TenancyGateTests).</summary>
    public const string TenantFilter = "Tenant";

    private readonly List<AuditEntry> _pendingAudit = [];
    private ICurrentActor _actor = NoActor.Instance;
    private TimeProvider _clock = TimeProvider.System;
    private IHttpContextAccessor? _http;
    private DataWrites? _writes;

    /// <summary>
    /// Hands this instance to one unit of work (a request's scope, a job's): every query filter reads this actor until the
    /// lease ends. Whatever a previous lease left (its actor, queued audit events, its submission, its announcements) is
    /// dropped first, even if that lease ended in an exception.
    /// </summary>
    public PortalDbContext Lease(ICurrentActor actor, TimeProvider clock, IHttpContextAccessor? http = null, DataWrites? writes = null)
    {
        Forget();
        _actor = actor;
        _clock = clock;
        _http = http;
        _writes = writes;
        return this;
    }

    /// <summary>Back to the state of no lease: no actor (every tenant filter closed), nothing queued.</summary>
    private void Forget()
    {
        _actor = NoActor.Instance;
        _clock = TimeProvider.System;
        _http = null;
        _writes = null;
        _pendingAudit.Clear();
        Submission = null;
        Announced.Clear();
    }

    /// <summary>Ends the lease (the pool takes the instance back): the actor and the queued state are forgotten first.</summary>
    public override void Dispose()
    {
        Forget();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<CodeEntry> CodeEntries => Set<CodeEntry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<MailOptOut> MailOptOuts => Set<MailOptOut>();
    public DbSet<Domain.Imports.ImportJob> ImportJobs => Set<Domain.Imports.ImportJob>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TechContract> TechContracts => Set<TechContract>();
    public DbSet<RegistrationPoint> RegistrationPoints => Set<RegistrationPoint>();
    public DbSet<RegistrationPointRegistrar> RegistrationPointRegistrars => Set<RegistrationPointRegistrar>();
    public DbSet<RegistrationSerial> RegistrationSerials => Set<RegistrationSerial>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Domain.Enterprises.HighTechRecord> HighTechRecords => Set<Domain.Enterprises.HighTechRecord>();
    public DbSet<Domain.Enterprises.TechSmeRecord> TechSmeRecords => Set<Domain.Enterprises.TechSmeRecord>();
    public DbSet<Domain.Enterprises.SpecializedRecord> SpecializedRecords => Set<Domain.Enterprises.SpecializedRecord>();
    public DbSet<Domain.Enterprises.CultivationEntry> CultivationEntries => Set<Domain.Enterprises.CultivationEntry>();
    public DbSet<Domain.Experts.Expert> Experts => Set<Domain.Experts.Expert>();
    public DbSet<Domain.Experts.ReviewPanel> ReviewPanels => Set<Domain.Experts.ReviewPanel>();
    public DbSet<Domain.Experts.DrawSnapshotRecord> DrawSnapshots => Set<Domain.Experts.DrawSnapshotRecord>();
    public DbSet<Domain.Experts.PanelMember> PanelMembers => Set<Domain.Experts.PanelMember>();
    public DbSet<PortalSecret> PortalSecrets => Set<PortalSecret>();
    public DbSet<Domain.Projects.Call> ProjectCalls => Set<Domain.Projects.Call>();
    public DbSet<Domain.Projects.Programme> Programmes => Set<Domain.Projects.Programme>();
    public DbSet<Domain.Projects.Problem> Problems => Set<Domain.Projects.Problem>();
    public DbSet<Domain.Projects.ProjectApplication> ProjectApplications => Set<Domain.Projects.ProjectApplication>();
    public DbSet<Domain.Projects.Publicity> Publicities => Set<Domain.Projects.Publicity>();
    public DbSet<Domain.Projects.Project> Projects => Set<Domain.Projects.Project>();
    public DbSet<Domain.Projects.ProjectSanction> ProjectSanctions => Set<Domain.Projects.ProjectSanction>();
    public DbSet<Domain.Targets.Indicator> Indicators => Set<Domain.Targets.Indicator>();
    public DbSet<Domain.Targets.KpiBaseline> KpiBaselines => Set<Domain.Targets.KpiBaseline>();
    public DbSet<Domain.Targets.KpiTarget> KpiTargets => Set<Domain.Targets.KpiTarget>();
    public DbSet<Domain.Targets.PlanPeriod> PlanPeriods => Set<Domain.Targets.PlanPeriod>();
    public DbSet<Domain.Targets.KpiEnteredValue> KpiEnteredValues => Set<Domain.Targets.KpiEnteredValue>();
    public DbSet<ContractMonthTotal> ContractMonthTotals => Set<ContractMonthTotal>();
    public DbSet<ContractFigureMove> ContractFigureMoves => Set<ContractFigureMove>();
    public DbSet<ContractChangeRequest> ContractChangeRequests => Set<ContractChangeRequest>();
    public DbSet<QualificationYearCount> QualificationYearCounts => Set<QualificationYearCount>();
    public DbSet<Domain.Matching.TechNeed> TechNeeds => Set<Domain.Matching.TechNeed>();
    public DbSet<Domain.Matching.TechResult> TechResults => Set<Domain.Matching.TechResult>();
    public DbSet<Domain.Matching.DockingRequest> DockingRequests => Set<Domain.Matching.DockingRequest>();
    public DbSet<Domain.Matching.DismissedMatch> DismissedMatches => Set<Domain.Matching.DismissedMatch>();
    public DbSet<Domain.Matching.Commissioner> Commissioners => Set<Domain.Matching.Commissioner>();
    public DbSet<Domain.Matching.CommissionerTarget> CommissionerTargets => Set<Domain.Matching.CommissionerTarget>();
    public DbSet<Domain.Matching.DockingEvent> DockingEvents => Set<Domain.Matching.DockingEvent>();
    public DbSet<Domain.Carriers.Carrier> Carriers => Set<Domain.Carriers.Carrier>();
    public DbSet<Domain.Carriers.RecognitionApplication> RecognitionApplications => Set<Domain.Carriers.RecognitionApplication>();
    public DbSet<Domain.Carriers.PerformanceReport> PerformanceReports => Set<Domain.Carriers.PerformanceReport>();
    public DbSet<Domain.Carriers.PilotService> PilotServices => Set<Domain.Carriers.PilotService>();
    public DbSet<Domain.Carriers.ServiceRequest> ServiceRequests => Set<Domain.Carriers.ServiceRequest>();
    public DbSet<Domain.Carriers.Scenario> Scenarios => Set<Domain.Carriers.Scenario>();
    public DbSet<Domain.Carriers.RankingPublication> RankingPublications => Set<Domain.Carriers.RankingPublication>();
    public DbSet<Domain.Finance.LoanProduct> LoanProducts => Set<Domain.Finance.LoanProduct>();
    public DbSet<Domain.Finance.LoanApplication> LoanApplications => Set<Domain.Finance.LoanApplication>();
    public DbSet<Domain.Finance.CooperationAgreement> PoolAgreements => Set<Domain.Finance.CooperationAgreement>();
    public DbSet<Domain.Finance.CompensationClaim> PoolClaims => Set<Domain.Finance.CompensationClaim>();
    public DbSet<Domain.Finance.FundInvestment> FundInvestments => Set<Domain.Finance.FundInvestment>();
    public DbSet<Domain.Finance.BankYearFigures> BankYearFigures => Set<Domain.Finance.BankYearFigures>();
    public DbSet<Domain.Finance.BankFiguresLock> BankFiguresLocks => Set<Domain.Finance.BankFiguresLock>();
    public DbSet<Domain.FirstProducts.DemandEntry> DemandEntries => Set<Domain.FirstProducts.DemandEntry>();
    public DbSet<Domain.FirstProducts.FirstProductApplication> FirstProductApplications => Set<Domain.FirstProducts.FirstProductApplication>();
    public DbSet<Domain.FirstProducts.Purchase> Purchases => Set<Domain.FirstProducts.Purchase>();
    public DbSet<Domain.Supervision.PlanMeasure> PlanMeasures => Set<Domain.Supervision.PlanMeasure>();
    public DbSet<Domain.Supervision.MeasureReport> MeasureReports => Set<Domain.Supervision.MeasureReport>();
    public DbSet<Domain.Infringers.InfringerEntry> InfringerEntries => Set<Domain.Infringers.InfringerEntry>();
    public DbSet<Domain.Notices.Notice> Notices => Set<Domain.Notices.Notice>();
    public DbSet<Domain.Reports.TransferReport> TransferReports => Set<Domain.Reports.TransferReport>();
    public DbSet<Domain.TransferIndex.IndexPublication> IndexPublications => Set<Domain.TransferIndex.IndexPublication>();
    public DbSet<Domain.Reminders.SentReminder> SentReminders => Set<Domain.Reminders.SentReminder>();

    // Read by the query filters at every query execution (EF parameterises context members).
    internal TenantScope ActorScope => _actor.Scope;
    internal Guid ActorOrganizationId => _actor.OrganizationId;
    internal string ActorRegionCode => _actor.RegionCode;
    internal Guid ActorUserId => _actor.UserId;
    internal bool ActorIsSystem => _actor.IsSystem;
    internal List<Guid> ActorPointIds => _actor.RegistrationPointIds as List<Guid> ?? [.. _actor.RegistrationPointIds];
    /// <summary>Targets are set by the bureau and by the organization department (a municipal Department user).</summary>
    internal bool ActorSeesAllTargets => _actor.Scope == TenantScope.City || _actor.Acts(Domain.PortalRoles.Department);

    /// <summary>Municipal departments (the economy and IT bureau keeps 三首) read the 三首 records of the whole city.</summary>
    internal bool ActorIsDepartment => _actor.Acts(Domain.PortalRoles.Department);

    /// <summary>A user of an active 场景促进中心: curates the scenarios of every region.</summary>
    internal bool ActorIsScenarioCenter => _actor.Acts(Domain.PortalRoles.Agency) && _actor.OrganizationKind == Domain.Organizations.OrganizationKind.ScenarioCenter;

    /// <summary>An expert of the pool acting as such: reads the applications of the panels they sit on (after the 承诺书).</summary>
    internal bool ActorIsExpert => _actor.Acts(Domain.PortalRoles.Expert);

    public ICurrentActor Actor => _actor;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity's explicit table names stay PascalCase under the snake-case convention; fold them too.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && table.StartsWith("AspNet", StringComparison.Ordinal))
            {
                entity.SetTableName(PascalToSnake().Replace(table, "_$1").ToLowerInvariant());
            }
        }

        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOrganizationOwned).IsAssignableFrom(e.ClrType)))
        {
            var apply = typeof(PortalDbContext).GetMethod(nameof(ApplyOwnedFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            apply.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }

        // Commissioners: as owned rows, and the municipal departments read the city's (市经信局 leads the 工业互联网服务专员
        // and needs the city's count against the plan's number). Replaces the automatic filter of the loop above.
        builder.Entity<Domain.Matching.Commissioner>().HasQueryFilter(TenantFilter, c =>
            ActorScope == TenantScope.City || ActorIsDepartment
            || (ActorScope == TenantScope.Region && c.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && c.OrganizationId == ActorOrganizationId));

        builder.Entity<Organization>().HasQueryFilter(TenantFilter, o =>
            ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Region && o.RegionCode == ActorRegionCode)
            || (ActorScope >= TenantScope.User && o.Id == ActorOrganizationId));

        // Who may download a file is decided by its owning record (IAttachmentOwner); without an actor, nothing.
        builder.Entity<Attachment>().HasQueryFilter(TenantFilter, a => ActorScope != TenantScope.None);

        // A contract has two sides and a registration point: both parties, their counties or parks, the broker, the
        // point's registrars and the city see it; a draft stays with the organization writing it.
        builder.Entity<TechContract>().HasQueryFilter(TenantFilter, c =>
            (c.Status != ContractStatus.Draft || c.FilerOrganizationId == ActorOrganizationId || ActorIsSystem)
            && (ActorScope == TenantScope.City
                || (ActorScope == TenantScope.Region && (c.SellerRegionCode == ActorRegionCode || c.BuyerRegionCode == ActorRegionCode))
                || (ActorScope >= TenantScope.Organization && (c.FilerOrganizationId == ActorOrganizationId || c.SellerOrganizationId == ActorOrganizationId
                    || c.BuyerOrganizationId == ActorOrganizationId || c.BrokerOrganizationId == ActorOrganizationId))
                || ActorPointIds.Contains(c.RegistrationPointId)));

        // A change request and a figures-by-date row are seen with their contract (the contract's filter decides).
        builder.Entity<ContractChangeRequest>().HasQueryFilter(TenantFilter, r => Set<TechContract>().Any(c => c.Id == r.ContractId));
        builder.Entity<ContractFigureMove>().HasQueryFilter(TenantFilter, m => Set<TechContract>().Any(c => c.Id == m.ContractId));

        // Qualifications: the city sees all, a county or park its region, an enterprise its own records.
        ApplyQualificationFilter<Domain.Enterprises.HighTechRecord>(builder);
        ApplyQualificationFilter<Domain.Enterprises.TechSmeRecord>(builder);
        ApplyQualificationFilter<Domain.Enterprises.SpecializedRecord>(builder);

        // The cultivation pool is the county's or park's working list: the city sees all, a county or park its own, nobody else.
        builder.Entity<Domain.Enterprises.CultivationEntry>().HasQueryFilter(TenantFilter, e =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && e.RegionCode == ActorRegionCode));

        // Targets and indicator figures by county or park: the city (and the departments that assess them) see all, a county
        // or park its own; contract totals of a county or park are those with the seller or the buyer there.
        ApplyRegionFilter<Domain.Targets.KpiBaseline>(builder, x => x.RegionCode);
        ApplyRegionFilter<Domain.Targets.KpiTarget>(builder, x => x.RegionCode);
        ApplyRegionFilter<Domain.Targets.KpiEnteredValue>(builder, x => x.RegionCode);
        ApplyRegionFilter<QualificationYearCount>(builder, x => x.RegionCode);
        builder.Entity<ContractMonthTotal>().HasQueryFilter(TenantFilter, t =>
            ActorSeesAllTargets || (ActorScope == TenantScope.Region && (t.SellerRegionCode == ActorRegionCode || t.BuyerRegionCode == ActorRegionCode)));

        // The expert pool: the bureau (city scope) sees all; an expert their own record; a recommending organization those it recommended.
        builder.Entity<Domain.Experts.Expert>().HasQueryFilter(TenantFilter, e =>
            ActorScope == TenantScope.City || (e.UserId == ActorUserId && ActorUserId != Guid.Empty) || e.RecommendedByOrganizationId == ActorOrganizationId);

        // Review panels: the city's staff, the applicant (its own panel, without names) and the experts seated on it.
        builder.Entity<Domain.Experts.ReviewPanel>().HasQueryFilter(TenantFilter, p =>
            ActorScope == TenantScope.City || p.ApplicantOrganizationId == ActorOrganizationId
            || (ActorUserId != Guid.Empty && p.ExpertUserIds.Contains(ActorUserId)));

        // A draw's pool snapshot (expert ids, employers' credit codes, conflicts): the city's staff, who replay draws.
        builder.Entity<Domain.Experts.DrawSnapshotRecord>().HasQueryFilter(TenantFilter, s => ActorScope == TenantScope.City);

        // Who sits on a panel is confidential until publicity (评审公示): before it, an expert sees their own seat, and the
        // city's staff see the seats unless they are recused from the panel or belong to the applicant. Every page, list and
        // export reads the seats through this filter, so none can show a name it should not.
        builder.Entity<Domain.Experts.PanelMember>().HasQueryFilter(TenantFilter, m =>
            (m.ExpertUserId == ActorUserId && ActorUserId != Guid.Empty)
            || ReviewPanels.Any(p => p.Id == m.PanelId && (p.Status == Domain.Experts.PanelStatus.Published
                || (ActorScope == TenantScope.City && !p.RecusedUserIds.Contains(ActorUserId) && p.ApplicantOrganizationId != ActorOrganizationId))));

        // Plan projects: calls, programmes and publicity lists are public; problems, applications and projects belong to the
        // applicant, its county or park, and the city.
        // A problem listed on a 榜单 is public (anyone may unveil it); before that it is its enterprise's, county's and the city's.
        builder.Entity<Domain.Projects.Problem>().HasQueryFilter(TenantFilter, p =>
            p.Status == Domain.Projects.ProblemStatus.Listed || p.Status == Domain.Projects.ProblemStatus.Taken
            || ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && p.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && p.OrganizationId == ActorOrganizationId));
        // An application to a 揭榜挂帅 problem is also seen by the enterprise that posted the problem (发榜方).
        // An expert seated on the application's panel reads it once they have declared no conflict and signed the 承诺书
        // (评审专家承诺书), and stops reading it when they leave the panel (回避, 缺席).
        builder.Entity<Domain.Projects.ProjectApplication>().HasQueryFilter(TenantFilter, a =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && a.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && (a.OrganizationId == ActorOrganizationId || a.PosterOrganizationId == ActorOrganizationId))
            || (ActorIsExpert && ActorUserId != Guid.Empty && Set<Domain.Experts.PanelMember>().Any(m => m.ExpertUserId == ActorUserId
                && (m.State == Domain.Experts.MemberState.Committed || m.State == Domain.Experts.MemberState.Scored)
                && Set<Domain.Experts.ReviewPanel>().Any(p => p.Id == m.PanelId && p.ApplicationId == a.Id))));
        // A sanction is read where its project is: the city, the unit's county or park, the unit itself.
        builder.Entity<Domain.Projects.ProjectSanction>().HasQueryFilter(TenantFilter, s =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Organization && s.OrganizationId == ActorOrganizationId)
            || (ActorScope == TenantScope.Region && Projects.Any(p => p.Id == s.ProjectId && p.RegionCode == ActorRegionCode)));
        builder.Entity<Domain.Projects.Project>().HasQueryFilter(TenantFilter, p =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && p.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && (p.OrganizationId == ActorOrganizationId || p.PosterOrganizationId == ActorOrganizationId)));

        // The technology market: a published need or result is public; before that (and after withdrawal) it is its owner's,
        // its county's or park's (the reviewer) and the city's.
        ApplyMarketFilter<Domain.Matching.TechNeed>(builder);
        ApplyMarketFilter<Domain.Matching.TechResult>(builder);
        // A docking request and its conversation belong to the two organizations and the city, and to its broker (a county or
        // park that proposed it, issue 24 §8).
        builder.Entity<Domain.Matching.DockingRequest>().HasQueryFilter(TenantFilter, r =>
            ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Organization && (r.NeedOrganizationId == ActorOrganizationId || r.ResultOrganizationId == ActorOrganizationId))
            || (ActorScope == TenantScope.Region && r.BrokerOrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Matching.DismissedMatch>().HasQueryFilter(TenantFilter, d => d.OrganizationId == ActorOrganizationId);
        // Docking events are announced to everyone (title, date, place, organizer, outcomes); only their organizer changes them.

        // Carriers are a public catalogue, except revoked ones, which stay with their host, county or park and the city.
        builder.Entity<Domain.Carriers.Carrier>().HasQueryFilter(TenantFilter, c =>
            c.Status != Domain.Carriers.CarrierStatus.Revoked || ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Region && c.RegionCode == ActorRegionCode) || (ActorScope == TenantScope.Organization && c.OrganizationId == ActorOrganizationId));
        // Recognition applications and yearly reports: the host (or nominating county), the county or park, the city.
        builder.Entity<Domain.Carriers.RecognitionApplication>().HasQueryFilter(TenantFilter, a =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && a.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && a.OrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Carriers.PerformanceReport>().HasQueryFilter(TenantFilter, r =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && r.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && r.OrganizationId == ActorOrganizationId));
        // A published pilot service is public; a service request belongs to the base and the requesting enterprise (and the city).
        builder.Entity<Domain.Carriers.PilotService>().HasQueryFilter(TenantFilter, s =>
            s.IsPublished || ActorScope == TenantScope.City || (ActorScope == TenantScope.Organization && s.OrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Carriers.ServiceRequest>().HasQueryFilter(TenantFilter, r =>
            ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Organization && (r.BaseOrganizationId == ActorOrganizationId || r.RequesterOrganizationId == ActorOrganizationId)));
        // A scenario is public once the county or park approved it (the interest texts are shown to its author only); before
        // that it is its author's, its region's county or park's, the 场景促进中心's and the city's. The confirmed agency
        // rankings are published on purpose.
        builder.Entity<Domain.Carriers.Scenario>().HasQueryFilter(TenantFilter, s =>
            s.Status == Domain.Carriers.ScenarioStatus.Open || s.Status == Domain.Carriers.ScenarioStatus.Closed
            || ActorScope == TenantScope.City || ActorIsScenarioCenter || (ActorScope == TenantScope.Region && s.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && s.OrganizationId == ActorOrganizationId));

        // Technology finance: a published loan product is public, an unpublished one its bank's (and the city's); a loan
        // application is the enterprise's and its bank's, its county's or park's and the city's — a bank never sees another bank's.
        builder.Entity<Domain.Finance.LoanProduct>().HasQueryFilter(TenantFilter, p =>
            p.IsPublished || ActorScope == TenantScope.City || (ActorScope == TenantScope.Organization && p.BankOrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Finance.LoanApplication>().HasQueryFilter(TenantFilter, a =>
            ActorScope == TenantScope.City || (ActorScope == TenantScope.Region && a.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && (a.OrganizationId == ActorOrganizationId || a.BankOrganizationId == ActorOrganizationId)));

        // The risk pool: an agreement and its claims are the bank's and the city's (claims also the borrower's county or park);
        // the guidance fund's investments are the city's.
        builder.Entity<Domain.Finance.CooperationAgreement>().HasQueryFilter(TenantFilter, a =>
            ActorScope == TenantScope.City || ActorIsDepartment || (ActorScope == TenantScope.Organization && a.BankOrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Finance.CompensationClaim>().HasQueryFilter(TenantFilter, c =>
            ActorScope == TenantScope.City || ActorIsDepartment || (ActorScope == TenantScope.Region && c.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && c.BankOrganizationId == ActorOrganizationId));
        builder.Entity<Domain.Finance.FundInvestment>().HasQueryFilter(TenantFilter, i => ActorScope == TenantScope.City || ActorIsDepartment);
        builder.Entity<Domain.Finance.BankYearFigures>().HasQueryFilter(TenantFilter, f =>
            ActorScope == TenantScope.City || ActorIsDepartment || (ActorScope == TenantScope.Organization && f.BankOrganizationId == ActorOrganizationId));

        // 三首: the published demand list, the catalog and its purchases are public; applications are the enterprise's, its
        // county's or park's, the city's and the municipal departments'.
        builder.Entity<Domain.FirstProducts.DemandEntry>().HasQueryFilter(TenantFilter, d => d.IsPublished || ActorScope == TenantScope.City || ActorIsDepartment);
        builder.Entity<Domain.FirstProducts.FirstProductApplication>().HasQueryFilter(TenantFilter, a =>
            a.CatalogYear != null || ActorScope == TenantScope.City || ActorIsDepartment || (ActorScope == TenantScope.Region && a.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && a.OrganizationId == ActorOrganizationId));

        // Supervision: the plan's measures and the published index are public; progress reports and universities' yearly
        // reports are organization-owned (automatic filter). The infringer list is public while listed; entries taken off
        // stay with the city and the municipal departments. A withdrawn notice stays with the city.
        builder.Entity<Domain.Infringers.InfringerEntry>().HasQueryFilter(TenantFilter, e =>
            e.Listing == Domain.Infringers.InfringerListing.Listed || ActorScope == TenantScope.City || ActorIsDepartment);
        builder.Entity<Domain.Notices.Notice>().HasQueryFilter(TenantFilter, n => !n.IsWithdrawn || ActorScope == TenantScope.City);

        builder.Entity<Notification>().HasQueryFilter(TenantFilter, n =>
            ActorScope == TenantScope.City && ActorUserId == Guid.Empty || n.RecipientUserId == ActorUserId);
        // The outbox is the system's (the sender runs in its scope); a user reads and sets only their own choices.
        builder.Entity<OutboxMail>().HasQueryFilter(TenantFilter, m => ActorScope == TenantScope.City && ActorUserId == Guid.Empty);
        builder.Entity<MailOptOut>().HasQueryFilter(TenantFilter, o =>
            ActorScope == TenantScope.City && ActorUserId == Guid.Empty || o.UserId == ActorUserId);

        // An import is its uploader's; the city (the bureau, whose admin may open any) and the jobs see them all.
        builder.Entity<Domain.Imports.ImportJob>().HasQueryFilter(TenantFilter, j => ActorScope == TenantScope.City || j.UploadedById == ActorUserId);
        builder.Entity<ImportFile>().HasQueryFilter(TenantFilter, f => Set<Domain.Imports.ImportJob>().Any(j => j.Id == f.Id));
    }

    /// <summary>Organization-owned rows: the city sees all, a county or park its region, everyone else their organization.</summary>
    private void ApplyOwnedFilter<T>(ModelBuilder builder) where T : class, IOrganizationOwned
    {
        Expression<Func<T, bool>> filter = e =>
            ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Region && e.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && e.OrganizationId == ActorOrganizationId);
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
    }

    private void ApplyMarketFilter<T>(ModelBuilder builder) where T : Domain.Matching.MarketListing
    {
        Expression<Func<T, bool>> filter = l =>
            l.Status == Domain.Matching.ListingStatus.Published || l.Status == Domain.Matching.ListingStatus.Solved
            || ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Region && l.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && l.OrganizationId == ActorOrganizationId);
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
    }

    /// <summary>Qualification records may belong to no portal organization: they are owned by their region, and by the enterprise when it is on the portal.</summary>
    private void ApplyQualificationFilter<T>(ModelBuilder builder) where T : Domain.Enterprises.QualificationRecord
    {
        Expression<Func<T, bool>> filter = r =>
            ActorScope == TenantScope.City
            || (ActorScope == TenantScope.Region && r.RegionCode == ActorRegionCode)
            || (ActorScope == TenantScope.Organization && r.OrganizationId == ActorOrganizationId);
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
    }

    private void ApplyRegionFilter<T>(ModelBuilder builder, Expression<Func<T, string>> region) where T : class
    {
        var parameter = region.Parameters[0];
        var ownRegion = Expression.Equal(region.Body, Expression.Property(Expression.Constant(this), nameof(ActorRegionCode)));
        var isRegion = Expression.Equal(Expression.Property(Expression.Constant(this), nameof(ActorScope)), Expression.Constant(TenantScope.Region));
        var body = Expression.OrElse(Expression.Property(Expression.Constant(this), nameof(ActorSeesAllTargets)), Expression.AndAlso(isRegion, ownRegion));
        builder.Entity<T>().HasQueryFilter(TenantFilter, Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    /// <summary>Queues an audit event (sign-in, export, verification...) to be written with the next save.</summary>
    public void Audit(string action, string outcome, string? entityType = null, string? entityId = null, string? details = null,
        Guid? userId = null, string? userName = null, Guid? organizationId = null)
    {
        _pendingAudit.Add(new AuditEntry(_clock.GetUtcNow(), action, outcome,
            userId ?? (_actor.UserId == Guid.Empty ? null : _actor.UserId),
            userName ?? (_actor.UserName.Length > 0 ? _actor.UserName : null),
            organizationId ?? (_actor.OrganizationId == Guid.Empty ? null : _actor.OrganizationId),
            entityType, entityId, ClientAddress, details));
    }

    private string? ClientAddress => _http?.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// A read routed to the standby (ADR 0018) that writes after all (the audit row of an export, of a personal record read)
    /// writes to the primary: the connection is closed and pointed there before the save, and the rest of the request reads there too.
    /// </summary>
    private async Task WriteToPrimaryAsync()
    {
        var services = _http?.HttpContext?.RequestServices;
        if (services?.GetService(typeof(Infrastructure.Replica.ReadRoute)) is Infrastructure.Replica.ReadRoute { FromReplica: true } route
            && services.GetService(typeof(Infrastructure.Replica.ReplicaConnections)) is Infrastructure.Replica.ReplicaConnections connections)
        {
            await Database.CloseConnectionAsync();
            Database.SetConnectionString(connections.Primary);
            route.FromReplica = false;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// The submission key this request claimed (IdempotentSubmissionFilter). The first save that writes marks it committed
    /// in the same transaction, so a submission's writes commit exactly once however often it is retried or resubmitted.
    /// </summary>
    public SubmissionMark? Submission { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await WriteToPrimaryAsync();
        // Issue 25 §1: a workflow's state change made by someone else tells the other side, in this same unit of work.
        await Features.Messages.WorkflowMessages.AnnounceAsync(this, _clock, cancellationToken);
        // The words a record is found by (ADR 0017), before the audit reads the changes (it skips them as bookkeeping).
        Infrastructure.Search.SearchIndex.Refresh(ChangeTracker);
        // What this save writes, for the values this instance keeps per user (DataWrites): told after the save, or its failure.
        var written = DataWrites.Capture(ChangeTracker);
        try
        {
            return await SaveAndAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            _writes?.Saved(written);
        }
    }

    private async Task<int> SaveAndAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var entries = AuditTrail.Collect(ChangeTracker, _actor, _clock.GetUtcNow(), ClientAddress);
        entries.AddRange(_pendingAudit);
        _pendingAudit.Clear();
        var mark = Submission is { Committed: false } pending && ChangeTracker.HasChanges() ? pending : null;
        if (entries.Count == 0 && mark is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            // The caller's transaction: its commit decides, and a retry is the caller's (the whole request's) to make.
            var written = await WriteAsync(entries, mark, acceptAllChangesOnSuccess, cancellationToken);
            mark?.Committed = true;
            return written;
        }

        // Our own transaction, retried whole by the execution strategy when the database drops the connection (a restart,
        // a failover): the changes are accepted only after the commit, so a retry writes them again, once.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var written = await WriteAsync(entries, mark, false, ct);
            await transaction.CommitAsync(ct);
            return written;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        mark?.Committed = true;
        return saved;
    }

    private async Task<int> WriteAsync(List<AuditEntry> entries, SubmissionMark? mark, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            if (mark is not null && await Database.ExecuteSqlAsync($"""
                    UPDATE form_submissions SET committed = true WHERE user_id = {mark.UserId} AND submission_key = {mark.Key} AND NOT committed
                    """, cancellationToken) == 0)
            {
                throw new DuplicateSubmissionException();
            }

            if (entries.Count > 0)
            {
                // One writer at a time extends the chain; the lock is released with the transaction.
                await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditTrail.ChainLockKey})", cancellationToken);
                var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                long id = last?.Id ?? 0;
                var previous = last?.Hash;
                foreach (var entry in entries)
                {
                    entry.Chain(++id, previous);
                    previous = entry.Hash;
                }

                AuditEntries.AddRange(entries);
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            // Nothing was written; the rows must not linger to be saved twice by a retry.
            foreach (var entry in entries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex PascalToSnake();
}
