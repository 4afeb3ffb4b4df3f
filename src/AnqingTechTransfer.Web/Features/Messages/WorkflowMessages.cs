using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Projects;
using AnqingTechTransfer.Web.Features.Projects.Awarded;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>
/// Issue 25 §1, in one place: every state change of a workflow that someone else made tells the organization on the other
/// side (its administrators), in 消息 and by e-mail, in the unit of work that saves the change. Run by PortalDbContext before
/// each save. Rules:
/// <list type="bullet">
/// <item>A step an organization takes on its own record (drafting, submitting, withdrawing) tells nobody here: the reviewing
/// side sees it among its to-dos.</item>
/// <item>A message a handler wrote itself for the same record in this unit of work wins (contract decisions, listing reviews,
/// solutions, the after-draw recusal): no second message.</item>
/// <item>Experts drawn for a panel are told personally (a member: to declare conflicts and score; a reserve: may be called).</item>
/// </list>
/// </summary>
internal static class WorkflowMessages
{
    private sealed record Tell(Guid OrganizationId, string Title, string Body, string Link, MessageKind Kind);

    public static async Task AnnounceAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.HasChanges())
        {
            return;
        }

        var actorOrganization = db.Actor.IsSystem || !db.Actor.IsAuthenticated ? Guid.Empty : db.Actor.OrganizationId;
        var written = tracker.Entries<Notification>().Where(n => n.State == EntityState.Added).Select(n => (n.Entity.RecipientUserId, n.Entity.Link)).ToHashSet();
        var writtenLinks = written.Select(w => w.Link).ToHashSet();
        var tells = new List<Tell>();
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Modified).ToList())
        {
            foreach (var tell in Describe(entry))
            {
                if (tell.OrganizationId != Guid.Empty && tell.OrganizationId != actorOrganization && !writtenLinks.Contains(tell.Link)
                    && db.Announced.Add((entry.Entity, tell.OrganizationId, tell.Title)))
                {
                    tells.Add(tell);
                }
            }
        }

        var now = clock.GetUtcNow();
        foreach (var member in tracker.Entries<PanelMember>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            var link = $"/reviews/{member.Id}";
            if (member.ExpertUserId is { } expert && !written.Contains((expert, link)) && db.Announced.Add((member, expert, "drawn")))
            {
                Add(db, expert, member.Role == MemberRole.Member ? "您被抽取为评审专家" : "您被抽取为备选评审专家",
                    member.Role == MemberRole.Member
                        ? "您已被随机抽取参加一项评审，请先查看评审事项并作出回避声明，再在截止时间前完成评分。"
                        : "您已被抽取为一项评审的备选专家；如有专家回避，将按顺序递补并另行通知。",
                    link, MessageKind.Reviews, now);
            }
        }

        if (tells.Count == 0)
        {
            return;
        }

        var organizations = tells.Select(t => t.OrganizationId).Distinct().ToList();
        var admins = await db.Users.AsNoTracking()
            .Where(u => organizations.Contains(u.OrganizationId) && u.IsOrganizationAdmin && !u.IsDisabled)
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct);
        foreach (var tell in tells)
        {
            foreach (var admin in admins.Where(a => a.OrganizationId == tell.OrganizationId))
            {
                Add(db, admin.Id, tell.Title, tell.Body, tell.Link, tell.Kind, now);
            }
        }
    }

    private static void Add(PortalDbContext db, Guid user, string title, string body, string link, MessageKind kind, DateTimeOffset now) =>
        Notifier.Write(db, user, title, body, link, kind, now);

    /// <summary>The status moved from one value to another in this unit of work.</summary>
    private static bool Moved<TStatus>(EntityEntry entry, string property, out TStatus to) where TStatus : struct, Enum
    {
        var p = entry.Property(property);
        to = (TStatus)p.CurrentValue!;
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static string With(string? text) => string.IsNullOrWhiteSpace(text) ? "。" : $"：{text.Trim()}。";

    private static IEnumerable<Tell> Describe(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case ProjectApplication a when Moved(entry, nameof(a.Status), out ApplicationStatus s) && s is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Reviewed):
                yield return new(a.OrganizationId, $"项目申报：{ProjectNames.Status(s)}",
                    $"您单位的项目申报“{a.Title}”状态变为“{ProjectNames.Status(s)}”" + With(s switch
                    {
                        ApplicationStatus.Ineligible => string.Join("；", a.CheckFailures.Select(f => f.Reason)),
                        ApplicationStatus.Returned or ApplicationStatus.NotApproved => a.Remark,
                        _ => null,
                    }),
                    $"/projects/applications/{a.Id}", MessageKind.Projects);
                break;
            case Project p when Moved(entry, nameof(p.Status), out ProjectStatus s):
                yield return new(p.OrganizationId, $"立项项目：{AwardedNames.Name(s)}", $"您单位承担的项目“{p.Title}”状态变为“{AwardedNames.Name(s)}”" + With(p.Conclusion),
                    $"/projects/awarded/{p.Id}", MessageKind.Projects);
                break;
            case Problem p when Moved(entry, nameof(p.Status), out ProblemStatus s) && s is not ProblemStatus.Proposed:
                yield return new(p.OrganizationId, $"技术难题：{ProjectNames.Status(s)}", $"您单位提出的技术难题“{p.Title}”状态变为“{ProjectNames.Status(s)}”" + With(p.Remark),
                    $"/projects/problems/{p.Id}", MessageKind.Projects);
                break;
            case RecognitionApplication r when Moved(entry, nameof(r.Status), out RecognitionStatus s):
                yield return new(r.OrganizationId, $"载体认定：{CarrierNames.Name(s)}", $"“{r.CarrierName}”的认定申请状态变为“{CarrierNames.Name(s)}”" + With(r.Reason),
                    $"/carriers/{r.CarrierId}", MessageKind.Carriers);
                break;
            case Scenario c when Moved(entry, nameof(c.Status), out ScenarioStatus s) && s is ScenarioStatus.Open or ScenarioStatus.Returned:
                yield return new(c.OrganizationId, s == ScenarioStatus.Open ? "应用场景已审核发布" : "应用场景被退回",
                    s == ScenarioStatus.Open ? $"您单位的应用场景“{c.Title}”已审核通过并公开发布。" : $"您单位的应用场景“{c.Title}”被退回" + With(c.ReturnReason),
                    $"/scenarios/{c.Id}", MessageKind.Market);
                break;
            case ServiceRequest r when Moved(entry, nameof(r.Status), out ServiceRequestStatus s):
                var request = $"中试服务“{r.ServiceTitle}”的申请（{r.RequesterName}）状态变为“{CarrierNames.Name(s)}”" + With(r.Reply);
                yield return new(r.RequesterOrganizationId, $"中试服务：{CarrierNames.Name(s)}", request, "/carriers/requests", MessageKind.Carriers);
                yield return new(r.BaseOrganizationId, $"中试服务：{CarrierNames.Name(s)}", request, "/carriers/requests", MessageKind.Carriers);
                break;
            case ContractChangeRequest c when Moved(entry, nameof(c.Status), out ChangeRequestStatus s) && s != ChangeRequestStatus.Pending:
                yield return new(c.FilerOrganizationId, s == ChangeRequestStatus.Approved ? "合同变更已同意" : "合同变更未同意",
                    $"您单位提出的技术合同变更申请{(s == ChangeRequestStatus.Approved ? "已同意" : "未同意")}" + With(c.DecisionRemark),
                    $"/contracts/{c.ContractId}", MessageKind.Contracts);
                break;
            case LoanApplication l when Moved(entry, nameof(l.Status), out LoanStatus s):
                var loan = $"“{l.EnterpriseName}”申请的“{l.ProductName}”状态变为“{FinanceNames.Name(s)}”" + With(l.Reason);
                yield return new(l.OrganizationId, $"科技贷款：{FinanceNames.Name(s)}", loan, "/finance/applications", MessageKind.Finance);
                yield return new(l.BankOrganizationId, $"科技贷款：{FinanceNames.Name(s)}", loan, "/finance/applications", MessageKind.Finance);
                break;
            case CompensationClaim c when Moved(entry, nameof(c.Status), out ClaimStatus s) && s != ClaimStatus.Filed:
                yield return new(c.BankOrganizationId, s == ClaimStatus.Approved ? "风险补偿已核定" : "风险补偿不予补偿",
                    $"“{c.EnterpriseName}”贷款的风险补偿申请{(s == ClaimStatus.Approved ? "已核定" : "不予补偿")}" + With(c.Reason), "/finance/pool", MessageKind.Finance);
                break;
            case FirstProductApplication f when Moved(entry, nameof(f.State), out RecognitionState s):
                yield return new(f.OrganizationId, $"三首产品：{FirstProductNames.Name(s)}", $"您单位申报的“{f.ProductName}”状态变为“{FirstProductNames.Name(s)}”。",
                    "/first-products/applications", MessageKind.Finance);
                break;
            case DockingRequest d when Moved(entry, nameof(d.Status), out DockingStatus s):
                var docking = $"对接申请状态变为“{MatchNames.Name(s)}”" + With(d.Reply);
                foreach (var side in new[] { d.NeedOrganizationId, d.ResultOrganizationId, d.BrokerOrganizationId ?? Guid.Empty }.Distinct())
                {
                    yield return new(side, $"供需对接：{MatchNames.Name(s)}", docking, $"/docking/{d.Id}", MessageKind.Market);
                }

                break;
            case MeasureReport m when Moved(entry, nameof(m.Status), out MeasureReportStatus s) && s != MeasureReportStatus.Submitted:
                yield return new(m.OrganizationId, s == MeasureReportStatus.Accepted ? "督办进展已审阅" : "督办进展需补充",
                    $"您单位报送的{m.Period}进展{(s == MeasureReportStatus.Accepted ? "已审阅" : "需补充")}" + With(m.ReviewNote), $"/supervision/{m.MeasureId}", MessageKind.Supervision);
                break;
            case TransferReport t when Moved(entry, nameof(t.Status), out TransferReportStatus s) && s is TransferReportStatus.Returned or TransferReportStatus.Accepted:
                yield return new(t.OrganizationId, s == TransferReportStatus.Accepted ? "成果转化年度报告已审核" : "成果转化年度报告被退回",
                    $"您单位的成果转化年度报告{(s == TransferReportStatus.Accepted ? "已审核" : "被退回")}" + With(t.ReviewNote), $"/reports/{t.Id}", MessageKind.Supervision);
                break;
        }
    }
}
