using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Contracts.Decisions;

/// <summary>
/// One step of the workflow on one contract: load it, ask the gate, apply the step on the aggregate, save. A broken rule
/// is a DomainException (the filter flashes it and goes back); a decision taken in between is a concurrency refusal.
/// </summary>
public class ContractDecisionHandler(PortalDbContext db, ICurrentActor actor, ContractRegistrationHandler registration, ContractCalendarHandler calendar, ContractFilingHandler filing,
    Messages.Notifier notifier, IOptions<ContractOptions> options, TimeProvider clock) : IUseCase
{
    private ContractActor Me => new(actor.UserId, actor.UserName);

    /// <summary>The step's message for the user, or why it was not taken.</summary>
    public async Task<RecordResult<string>> DecideAsync(Guid id, ContractDecision decision, DecisionInput input, OperationAuthorizationRequirement operation,
        ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!await may(contract, operation))
        {
            return RecordResult<string>.Forbidden;
        }

        // The version the user saw: if someone decided in between, this decision is refused, not applied on top.
        db.Entry(contract).Property(c => c.Version).OriginalValue = input.Version;
        var message = await ApplyAsync(contract, decision, input, ct);
        if (decision is not (ContractDecision.Approve or ContractDecision.SecondReview))
        {
            await TellFilerAsync(contract, decision, input, ct);
        }

        // Registering saves in its own transaction (with the serial number).
        if (decision is not (ContractDecision.Approve or ContractDecision.SecondReview) || contract.Status != ContractStatus.Registered)
        {
            await db.SaveChangesAsync(ct);
        }

        return RecordResult<string>.Done(message);
    }

    private async Task<string> ApplyAsync(TechContract c, ContractDecision decision, DecisionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (decision)
        {
            case ContractDecision.Submit:
                c.Submit(now, Me, await filing.EvidenceAsync(c.Id, [], ct));
                return "合同已提交。";
            case ContractDecision.Accept:
                c.Accept(now, calendar.Today, Me, await calendar.CalendarAsync(ct), input.Disputed, options.Value.NormalDays, options.Value.LongDays);
                return $"已受理，办理时限至 {Display.Date(c.DueOn)}。";
            case ContractDecision.Return:
                c.ReturnForCorrection(now, Me, input.Remark ?? string.Empty);
                return "已退回补正，申请单位将收到补正意见。";
            case ContractDecision.Review:
                c.StartReview(now, Me);
                return "已开始审核。";
            case ContractDecision.Approve:
                if (!c.Approve(now, Me, input.Remark, input.CreditCodesChecked))
                {
                    return "技术交易额达到500万元，已提交大额复核（须由其他登记员或市科技局复核）。";
                }

                await TellFilerAsync(c, decision, input, ct); // saved with the registration, in its transaction
                await registration.RegisterAsync(c, Me, input.Remark, input.CreditCodesChecked, ct);
                return $"已予以登记，登记编号 {c.RegistrationNumber}。";
            case ContractDecision.SecondReview:
                c.ConfirmSecondReview(Me);
                await TellFilerAsync(c, decision, input, ct);
                await registration.RegisterAsync(c, Me, input.Remark, input.CreditCodesChecked, ct);
                return $"复核通过，已予以登记，登记编号 {c.RegistrationNumber}。";
            case ContractDecision.Refuse:
                c.Refuse(now, Me, input.Reason ?? 0, input.Remark ?? string.Empty);
                return "已作出不予登记决定。";
            case ContractDecision.Cancel:
                c.Cancel(now, Me, input.Remark ?? string.Empty);
                // A change request still waiting has nothing left to change: it is closed with the cancellation.
                if (await db.ContractChangeRequests.SingleOrDefaultAsync(r => r.ContractId == c.Id && r.Status == ChangeRequestStatus.Pending, ct) is { } open)
                {
                    open.Reject(c, now, Me, "合同已注销登记，变更申请不再办理");
                }

                return "已注销登记。";
            case ContractDecision.DeclareIncome:
            {
                var (proofs, errors) = await filing.CheckFilesAsync(input.Files.Where(f => f.Length > 0).Select(f => (f, EvidenceKind.IncomeProof)), ct);
                if (errors.Count > 0)
                {
                    throw new Domain.DomainException(errors[0].Message, "Files");
                }

                c.DeclareIncome(now, Me, input.Amount ?? 0, proofs.Count > 0);
                await filing.AttachAsync(c, proofs, ct);
                return "技术性收入核定申请已提交，等待登记员核定。";
            }

            case ContractDecision.ConfirmIncome:
                c.AssessIncome(now, Me, input.Amount, input.Remark);
                return c.IncomeAssessed == c.IncomeDeclared ? "已按申报核定技术性收入。" : $"已核定技术性收入 {Display.WanYuan(c.IncomeAssessed)}。";
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, null);
        }
    }

    /// <summary>
    /// The registration point's decisions the filing unit must know of (受理 with its time limit, 退回补正 with what to correct,
    /// 予以登记, 不予登记 with the reason, 注销, 技术性收入核定): a message to its administrators with a link to the contract,
    /// added to the unit of work that saves the decision. The filer's own steps (submitting, declaring income) tell nobody here:
    /// the point's to-dos show them.
    /// </summary>
    private async Task TellFilerAsync(TechContract c, ContractDecision decision, DecisionInput input, CancellationToken ct)
    {
        var name = $"《{c.ProjectName}》";
        (string Title, string Body)? tell = decision switch
        {
            ContractDecision.Accept => ("技术合同已受理", $"您单位填报的技术合同{name}已受理，办理时限至 {Display.Date(c.DueOn)}。"),
            ContractDecision.Return => ("技术合同需补正", $"您单位填报的技术合同{name}被退回补正：{input.Remark?.Trim()}。请修改后重新提交。"),
            // Called on these two only when the contract is being registered (a large contract's first approval tells nobody).
            ContractDecision.Approve or ContractDecision.SecondReview => ("技术合同已认定登记", $"您单位填报的技术合同{name}已予以认定登记，可在合同页面查看登记编号并下载登记证明。"),
            ContractDecision.Refuse => ("技术合同不予登记", $"您单位填报的技术合同{name}不予登记：{input.Reason?.Name()}{(string.IsNullOrWhiteSpace(input.Remark) ? "" : "，" + input.Remark.Trim())}。"),
            ContractDecision.Cancel => ("技术合同已注销登记", $"您单位的技术合同{name}已注销登记：{input.Remark?.Trim()}。"),
            ContractDecision.ConfirmIncome => ("技术性收入已核定", $"您单位技术合同{name}的技术性收入已核定为 {Display.WanYuan(c.IncomeAssessed)}。"),
            _ => null,
        };
        if (tell is { } t)
        {
            await notifier.ToOrganizationAdminsAsync(c.FilerOrganizationId, t.Title, t.Body, $"/contracts/{c.Id}", ct, MessageKind.Contracts);
        }
    }
}
