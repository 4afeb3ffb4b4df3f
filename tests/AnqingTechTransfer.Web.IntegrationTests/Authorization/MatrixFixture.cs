using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>The records the matrix tries: each owned by one tenant, so the others must not reach them.</summary>
public sealed record MatrixIds(Guid PendingOrganization, Guid AqnuStaffUser, Guid Licence, Guid EntAMessage, Guid CodeEntry,
    Guid SubmittedContract, Guid DraftContract, Guid RegisteredContract, Guid CityPoint, Guid CityRegistrar, Guid PendingHighTech,
    Guid AbsorbedIndicator, Guid PlanPeriod, Guid PendingTechSme, Guid PendingSpecialized, Guid HuainingCultivation,
    Guid ExpertA, Guid Panel, Guid ExpertASeat, Guid ExpertBSeat, Guid Call, Guid Problem, Guid Programme, Guid Application, Guid Publicity, Guid Project,
    Guid PendingNeed, Guid PublishedNeed, Guid PublishedResult, Guid Docking, Guid Commissioner, Guid Event,
    Guid PilotBase, Guid Agency, Guid PilotService, Guid ServiceRequest, Guid Recognition, Guid Report, Guid Scenario, Guid PendingScenario,
    Guid LoanProduct, Guid Loan, Guid Agreement, Guid ClaimLoan, Guid Claim, Guid FirstProduct, Guid CatalogProduct,
    Guid Measure, Guid BureauMeasure, Guid HuainingReport, Guid Infringer, Guid TransferReport, Guid Notice, Guid NoticeFile, Guid Objection,
    Guid FundInvestment, Guid BureauImport, Guid BureauExport);

public class MatrixFixture : PortalFixture
{
    public MatrixIds Ids { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Ids = await WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var aqnu = await db.Users.Where(u => u.UserName == "univ.aqnu").Select(u => u.OrganizationId).SingleAsync();
            var staff = new PortalUser { UserName = "aqnu.staff", DisplayName = "师大职员", OrganizationId = aqnu, PasswordChangedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(staff, "Aqnu#Staff2026")).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(staff, "University");

            var pending = await db.Organizations.SingleAsync(o => o.Name == "怀宁县皖河智能装备有限公司");
            var licence = Attachment.Create("Organization", pending.Id, pending.Id, pending.RegionCode, "执照.pdf", FileKind.Pdf, 8, new string('0', 64), Guid.Empty, DateTimeOffset.UtcNow);
            db.Attachments.Add(licence);
            db.AttachmentContents.Add(new AttachmentContent { Id = licence.Id, Bytes = "%PDF-1.4"u8.ToArray() });
            pending.AttachLicence(licence.Id);

            var entA = await db.Users.SingleAsync(u => u.UserName == "ent.a");
            var message = Notification.To(entA.Id, "矩阵测试消息", "正文", null, DateTimeOffset.UtcNow);
            db.Notifications.Add(message);
            await db.SaveChangesAsync();
            var entry = await db.CodeEntries.Where(c => c.Table == "plan-source").Select(c => c.Id).FirstAsync();

            // Contracts filed by ent.a (怀宁县) at the city point, brokered by agency.a, bought by a firm in 太湖县 that is not on the portal.
            var cityPoint = await db.RegistrationPoints.SingleAsync(p => p.Code == "01");
            var registrar = await db.Users.SingleAsync(u => u.UserName == "registrar.city");
            var agency = await db.Users.Where(u => u.UserName == "agency.a").Select(u => u.OrganizationId).SingleAsync();
            var entAOrg = await db.Organizations.SingleAsync(o => o.Id == entA.OrganizationId);
            var filer = new Domain.Contracts.ContractActor(entA.Id, "ent.a");
            var decider = new Domain.Contracts.ContractActor(registrar.Id, "registrar.city");
            Domain.Contracts.ContractTerms Terms(string name) => new(name, Domain.Contracts.TechContractType.Development,
                Domain.Contracts.TechContractSubType.CommissionedDevelopment, null, false,
                new Domain.Contracts.ContractParty(entAOrg.Name, entAOrg.CreditCode, "142", "340822", "150"),
                new Domain.Contracts.ContractParty("太湖县某科技公司", AnqingTechTransfer.Domain.Organizations.CreditCode.Complete("91340825MA2R00001"), "142", "340825", "170"),
                entAOrg.Id, null, entAOrg.RegionCode, null, "01", "03", "07", "10", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1),
                80m, [], Domain.Contracts.PaymentMode.LumpSumOnce, agency, "安庆皖江技术转移中心有限公司", null, null,
                "负责人", "填报人", new DateOnly(2026, 3, 1));
            var now = DateTimeOffset.UtcNow;
            var submitted = Domain.Contracts.TechContract.Draft(cityPoint.Id, entAOrg.Id, now, filer, Terms("矩阵测试：已提交合同"));
            submitted.Submit(now, filer, Domain.Contracts.ContractEvidence.Required(submitted.Terms));
            var draft = Domain.Contracts.TechContract.Draft(cityPoint.Id, entAOrg.Id, now, filer, Terms("矩阵测试：草稿"));
            var registered = Domain.Contracts.TechContract.Draft(cityPoint.Id, entAOrg.Id, now, filer, Terms("矩阵测试：已登记合同"));
            registered.Submit(now, filer, Domain.Contracts.ContractEvidence.Required(registered.Terms));
            registered.Accept(now, DateOnly.FromDateTime(now.UtcDateTime), decider, new Domain.Contracts.WorkingDayCalendar([]), false, 15, 30);
            registered.StartReview(now, decider);
            registered.Approve(now, decider, null);
            registered.Register(now, decider, "2026340800019999", "MATRIXCD", null);
            db.TechContracts.AddRange(submitted, draft, registered);
            var highTech = Domain.Enterprises.HighTechRecord.Create(entAOrg.CreditCode, entAOrg.Name, entAOrg.RegionCode, entAOrg.Id, "GR202534000777",
                new DateOnly(2025, 11, 20), Domain.Enterprises.HighTechMode.Recognition, "04", Domain.Enterprises.QualificationSource.Entered, now);
            db.HighTechRecords.Add(highTech);
            var techSme = Domain.Enterprises.TechSmeRecord.Create(entAOrg.CreditCode, entAOrg.Name, entAOrg.RegionCode, entAOrg.Id, 2019, "2019340801000777",
                Domain.Enterprises.QualificationSource.Entered, now);
            db.TechSmeRecords.Add(techSme);
            var specialized = Domain.Enterprises.SpecializedRecord.Create(entAOrg.CreditCode, entAOrg.Name, entAOrg.RegionCode, entAOrg.Id,
                Domain.Enterprises.SpecializedLevel.Provincial, 2020, Domain.Enterprises.QualificationSource.Entered, now);
            db.SpecializedRecords.Add(specialized);
            await db.SaveChangesAsync();
            // A drawn panel on ent.a's application, on which expert.a and expert.b both sit (one as reserve).
            var expertUsers = await db.Users.Where(u => u.UserName == "expert.a" || u.UserName == "expert.b").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var experts = await db.Experts.Where(e => e.UserId == expertUsers["expert.a"] || e.UserId == expertUsers["expert.b"]).ToListAsync();
            var panel = Domain.Experts.ReviewPanel.Create("矩阵测试评审", "项目申报", new Domain.Experts.ReviewSubject(entAOrg.Name, entAOrg.CreditCode, [], [], []), entAOrg.Id,
                [new Domain.Experts.RubricItem("综合", 100)], Domain.Experts.Aggregation.Mean, 0, new DateOnly(2026, 12, 1), registrar.Id, now);
            var pool = experts.Select(e => new Domain.Experts.Candidate(e.Id, e.Profile.EmployerCreditCode, ["01"], Domain.Experts.ExpertTypes.Technical, true, 100, true)).ToList();
            panel.RecordDraw(Domain.Experts.ExpertDraw.Run(1, new Domain.Experts.DrawCriteria(["01"], Domain.Experts.ExpertTypes.None, 1, 1, 1, 0, 0, new DateOnly(2026, 12, 1)), pool, []),
                experts.ToDictionary(e => e.Id, e => e.UserId), now);
            db.ReviewPanels.Add(panel);
            await db.SaveChangesAsync();
            var expertA = experts.Single(e => e.UserId == expertUsers["expert.a"]);
            var panelIds = (ExpertA: expertA.Id, Panel: panel.Id, SeatA: panel.Members.Single(m => m.ExpertId == expertA.Id).Id,
                SeatB: panel.Members.Single(m => m.ExpertId != expertA.Id).Id);
            // A draft call with one 揭榜挂帅 programme, and a problem ent.a (怀宁县) proposed.
            var call = Domain.Projects.Call.Draft(2027, "矩阵测试指南", now);
            call.AddProgramme(new Domain.Projects.ProgrammeTerms("矩阵测试专项", Domain.Projects.FundingMode.Unveiling, 500m, now, now.AddDays(30), 1, 2, true, ["申报书"], null, 100m), now);
            var problem = Domain.Projects.Problem.Propose(entAOrg.Id, entAOrg.Name, entAOrg.RegionCode, "矩阵测试题目", "难题", "指标", 50m,
                DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), DateOnly.FromDateTime(now.UtcDateTime), now);
            var application = Domain.Projects.ProjectApplication.Draft(call.Programmes[0], entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode, true, problem.Id, now);
            db.ProjectCalls.Add(call);
            db.Problems.Add(problem);
            db.ProjectApplications.Add(application);
            var publicity = Domain.Projects.Publicity.Open(call.Programmes[0].Id, [application.Id], DateOnly.FromDateTime(now.UtcDateTime), 5,
                new Domain.Contracts.WorkingDayCalendar([]), now);
            db.Publicities.Add(publicity);
            // An awarded project of ent.a under its task contract.
            var crowd = new Domain.Projects.Programme(Guid.NewGuid(), call.Id,
                new Domain.Projects.ProgrammeTerms("矩阵众包", Domain.Projects.FundingMode.Crowdsourcing, 500m, now.AddDays(-1), now.AddDays(30), 1, 2, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" });
            var awarded = Domain.Projects.ProjectApplication.Draft(crowd, entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode, true, null, now);
            awarded.Edit("矩阵测试立项项目", "内容", [new Domain.Projects.BudgetLine("设备费", 10, 50)],
                [new Domain.Projects.Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "报告")], [], [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
            Projects.ApplicationSteps.Award(awarded, crowd.Terms, now, 80, 50);
            var project = Domain.Projects.Project.FromAward(awarded, DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime).AddYears(2),
                [new Domain.Projects.Tranche(1, 50m, "签订任务书", DateOnly.FromDateTime(now.UtcDateTime))], now, Domain.Projects.FundingMode.Crowdsourcing);
            db.ProjectApplications.Add(awarded);
            db.Projects.Add(project);
            // The market: ent.a's need waiting for 怀宁县's review; the demo pair of published need and result with a pending
            // request from 北化工 to ent.a; a commissioner and an event of 怀宁县.
            var pendingNeed = Domain.Matching.TechNeed.Post(entAOrg.Id, entAOrg.Name, entAOrg.RegionCode, now);
            pendingNeed.Edit("矩阵测试需求", "内容", "04", ["矩阵"], Domain.Matching.CooperationModes.Commissioned, new Domain.Matching.Contact("张工", "13805561234"), "",
                null, null, DateOnly.FromDateTime(now.UtcDateTime).AddMonths(3), DateOnly.FromDateTime(now.UtcDateTime));
            db.TechNeeds.Add(pendingNeed);
            var publishedNeed = await db.TechNeeds.SingleAsync(n => n.Title == "高选择性加氢催化剂开发");
            var publishedResult = await db.TechResults.SingleAsync(r => r.Title == "绿色催化材料制备技术");
            var docking = Domain.Matching.DockingRequest.Open(publishedNeed, publishedResult, publishedResult.OrganizationId, "矩阵测试对接", now);
            db.DockingRequests.Add(docking);
            var huaining = await db.Users.Where(u => u.UserName == "county.huaining").Select(u => u.OrganizationId).SingleAsync();
            var commissioner = Domain.Matching.Commissioner.Register(huaining, "340822", Domain.Matching.CommissionerKind.DualChain, "矩阵专员", "怀宁县科技局", "怀宁县", 2026, now);
            db.Commissioners.Add(commissioner);
            var dockingEvent = Domain.Matching.DockingEvent.Plan(huaining, "怀宁县科技局", "340822", "矩阵对接会", DateOnly.FromDateTime(now.UtcDateTime), "怀宁县", now);
            db.DockingEvents.Add(dockingEvent);
            await db.SaveChangesAsync();
            // Carriers: 北化工's pilot base (高新区) with a pending recognition, a report to assess and ent.a's service request;
            // 高新区's published scenario; ent.a's scenario pending review by 怀宁县.
            var pilotBase = await db.Carriers.SingleAsync(c => c.Name == "安庆化工新材料中试基地");
            var agencyCarrier = await db.Carriers.SingleAsync(c => c.Name == "安庆皖江技术转移中心");
            var pilotService = await db.PilotServices.SingleAsync(x => x.CarrierId == pilotBase.Id);
            var serviceRequest = Domain.Carriers.ServiceRequest.Ask(pilotService, entAOrg.Id, entAOrg.Name, "矩阵测试中试需求", now);
            var recognition = Domain.Carriers.RecognitionApplication.Apply(pilotBase, pilotBase.OrganizationId, false, Domain.Carriers.CarrierLevel.Municipal, "矩阵测试", now);
            var report = Domain.Carriers.PerformanceReport.File(pilotBase, 2025,
                Domain.Carriers.PerformanceReport.IndicatorsFor(pilotBase.Type).Select(n => new Domain.Carriers.IndicatorValue(n, 1)).ToList(), "矩阵测试", now);
            var gxq = await db.Users.Where(u => u.UserName == "park.gxq").Select(u => u.OrganizationId).SingleAsync();
            var gxqOrg = await db.Organizations.SingleAsync(o => o.Id == gxq);
            var scenarioDay = DateOnly.FromDateTime(now.UtcDateTime);
            var scenario = Domain.Carriers.Scenario.Record(gxq, gxqOrg.Name, gxqOrg.RegionCode, "矩阵测试场景", "高新区", "问题", "06", ["矩阵"], scenarioDay.AddMonths(1), scenarioDay, now);
            scenario.Submit(scenarioDay);
            scenario.Approve(gxqOrg.Name, scenarioDay, now);
            var pendingScenario = Domain.Carriers.Scenario.Record(entAOrg.Id, entAOrg.Name, entAOrg.RegionCode, "矩阵待审场景", "怀宁县", "问题", "06", ["矩阵"], scenarioDay.AddMonths(1), scenarioDay, now);
            pendingScenario.Submit(scenarioDay);
            db.Scenarios.Add(pendingScenario);
            db.ServiceRequests.Add(serviceRequest);
            db.RecognitionApplications.Add(recognition);
            db.PerformanceReports.Add(report);
            db.Scenarios.Add(scenario);
            // Finance: bank.a's published product and ent.a's application to it.
            var bankA = await db.Users.Where(u => u.UserName == "bank.a").Select(u => u.OrganizationId).SingleAsync();
            var loanProduct = Domain.Finance.LoanProduct.Create(bankA, "安庆示范农商银行科技支行", "矩阵测试贷", Domain.Finance.LoanKind.Research, 3, 4, 10, 500, 12,
                Domain.Finance.Qualifications.None, "", now);
            var loan = Domain.Finance.LoanApplication.Apply(loanProduct, entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode, Domain.Finance.Qualifications.None,
                100, "矩阵测试", now);
            db.LoanProducts.Add(loanProduct);
            db.LoanApplications.Add(loan);
            // The risk pool: bank.a's agreement and its claim on a defaulted loan of ent.a.
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var agreement = Domain.Finance.CooperationAgreement.Sign(bankA, "安庆示范农商银行科技支行", today.AddYears(-1), today.AddYears(2), 0.5m, 1000, 0.5m, now);
            var claimLoan = Domain.Finance.LoanApplication.Apply(loanProduct, entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode, Domain.Finance.Qualifications.None,
                100, "矩阵测试逾期", now);
            claimLoan.Decide(loanProduct, true, 100, 3.5m, null);
            claimLoan.Disburse(today.AddMonths(-3));
            claimLoan.MarkDefault("逾期");
            var claim = Domain.Finance.CompensationClaim.File(agreement, claimLoan, 0, "矩阵测试", today, today.AddDays(30), now);
            db.AddRange(agreement, claimLoan, claim);
            // The guidance fund: one recorded investment (corrected by the bureau only).
            var investment = new Domain.Finance.FundInvestment(Guid.CreateVersion7(now), "矩阵测试投资", "矩阵测试企业", "", Domain.Finance.InvestmentStage.Early, 100, today);
            db.FundInvestments.Add(investment);
            // 三首: ent.a's submitted application, and a recognised product of ent.a in a catalog.
            var firstProduct = Domain.FirstProducts.FirstProductApplication.Submit(entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode,
                Domain.FirstProducts.FirstKind.Material, "矩阵测试材料", "M-1", "指标", today.AddDays(-10), "某客户", "CX-1", "", "", today, now);
            var catalogProduct = Domain.FirstProducts.FirstProductApplication.Submit(entAOrg.Id, entAOrg.Name, entAOrg.CreditCode, entAOrg.RegionCode,
                Domain.FirstProducts.FirstKind.Equipment, "矩阵测试装备", "E-1", "指标", today.AddDays(-10), "某客户", "CX-2", "", "", today, now);
            catalogProduct.Screen(true, null);
            catalogProduct.Decide(true, "认定", today.Year);
            catalogProduct.IncludeInCatalog(today.Year);
            db.AddRange(firstProduct, catalogProduct);
            await db.SaveChangesAsync();
            // Supervision: 怀宁县's waiting report on measure 10, the demo infringer, 安庆师范大学's submitted yearly report, and the
            // demo publicity with a file and an objection.
            var measure = await db.PlanMeasures.SingleAsync(m => m.Number == 10);
            var bureauMeasure = await db.PlanMeasures.SingleAsync(m => m.Number == 2);
            var huainingReport = await db.MeasureReports.SingleAsync(r => r.MeasureId == measure.Id && r.RegionCode == "340822");
            var infringer = await db.InfringerEntries.FirstAsync();
            var transferReport = await db.TransferReports.FirstAsync();
            var notice = await db.Notices.SingleAsync(n => n.Kind == Domain.Notices.NoticeKind.Publicity);
            notice.Object("矩阵测试 0556-5500000", "矩阵测试异议", DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime), now);
            var noticeFile = Attachment.Create("Notice", notice.Id, notice.PublishedByOrganizationId, "340800", "名单.pdf", FileKind.Pdf, 8, new string('0', 64), Guid.Empty, now);
            db.Attachments.Add(noticeFile);
            db.AttachmentContents.Add(new AttachmentContent { Id = noticeFile.Id, Bytes = "%PDF-1.4"u8.ToArray() });
            await db.SaveChangesAsync();
            // A background import (issue 25 §3) uploaded by the bureau's staff user, still queued.
            var bureauUser = await db.Users.SingleAsync(u => u.UserName == "bureau");
            var import = Domain.Imports.ImportJob.Queue(Domain.Imports.ImportKind.AbsorbedContracts, "矩阵.csv", false, bureauUser.Id, "bureau", bureauUser.OrganizationId, now);
            db.ImportJobs.Add(import);
            db.ImportFiles.Add(new ImportFile { Id = import.Id, Bytes = "登记编号\n"u8.ToArray() });
            // And a background export of the contract list by the same user, done, its workbook waiting.
            var export = Domain.Imports.ImportJob.Queue(Domain.Imports.ImportKind.ContractExport, "技术合同列表导出", true, bureauUser.Id, "bureau", bureauUser.OrganizationId, now);
            export.Start(now, "matrix");
            export.Succeed(1, System.Text.Json.JsonSerializer.Serialize(new Features.Imports.ExportResult("技术合同-矩阵.xlsx", 1, false, now.AddDays(7)),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), now);
            db.ImportJobs.Add(export);
            db.ImportFiles.Add(new ImportFile { Id = export.Id, Bytes = "PK"u8.ToArray() });
            await db.SaveChangesAsync();
            var absorbed = await db.Indicators.Where(i => i.Key == "absorbed_amount").Select(i => i.Id).SingleAsync();
            var period = await db.PlanPeriods.Where(p => p.BaselineYear == 2021).Select(p => p.Id).SingleAsync();
            return new MatrixIds(pending.Id, staff.Id, licence.Id, message.Id, entry, submitted.Id, draft.Id, registered.Id, cityPoint.Id, registrar.Id, highTech.Id,
                absorbed, period, techSme.Id, specialized.Id,
                await db.CultivationEntries.Where(e => e.RegionCode == "340822").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
                panelIds.ExpertA, panelIds.Panel, panelIds.SeatA, panelIds.SeatB, call.Id, problem.Id, call.Programmes[0].Id, application.Id, publicity.Id, project.Id,
                pendingNeed.Id, publishedNeed.Id, publishedResult.Id, docking.Id, commissioner.Id, dockingEvent.Id,
                pilotBase.Id, agencyCarrier.Id, pilotService.Id, serviceRequest.Id, recognition.Id, report.Id, scenario.Id, pendingScenario.Id, loanProduct.Id, loan.Id, agreement.Id, claimLoan.Id, claim.Id, firstProduct.Id, catalogProduct.Id,
                measure.Id, bureauMeasure.Id, huainingReport.Id, infringer.Id, transferReport.Id, notice.Id, noticeFile.Id, notice.Objections[0].Id,
                investment.Id, import.Id, export.Id);
        });
    }
}
