using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Assessment;

/// <summary>One row of the 认定 form: a declared deduction (its item and declared amount come from the contract, never from the post) or an added one.</summary>
public class AssessmentRow
{
    public string? Item { get; set; }
    public decimal? Amount { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What the registrar posts: the version seen, the assessed amount and reason per declared deduction, then the added ones.</summary>
public class AssessmentInput
{
    public const int AddedRows = 3;

    public uint Version { get; set; }
    public List<AssessmentRow> Items { get; set; } = [];
}

/// <summary>The 认定 page: the contract's amounts, its declared deductions and the registrar's rows.</summary>
public sealed record AssessmentPage(Guid ContractId, string ProjectName, string? FilerName, decimal ContractAmount, decimal DeclaredTechAmount,
    IReadOnlyList<Deduction> Declared, AssessmentInput Input)
{
    public decimal LargeThreshold => ContractAmounts.LargeContractThreshold;
}

/// <summary>
/// 技术交易额核定 (issue 22 §2): during review the registrar accepts or corrects each declared deduction with a reason and adds
/// those the filer left out; the assessed figure goes on the certificate and into every statistic, the declared one stays in
/// the history.
/// </summary>
public class AssessTechAmountHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<AssessmentPage>> PageAsync(Guid id, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<AssessmentPage>.NotFound;
        }

        if (!await may(contract, ContractPermissions.Decide))
        {
            return RecordResult<AssessmentPage>.Forbidden;
        }

        if (contract.Status != ContractStatus.UnderReview)
        {
            return RecordResult<AssessmentPage>.Invalid([new FieldError(string.Empty, "只能在审核中核定技术交易额。")]);
        }

        var input = new AssessmentInput { Version = contract.Version };
        var assessed = contract.AssessedDeductions;
        input.Items = contract.Deductions.Select((d, i) => assessed is not null && i < assessed.Count
                ? new AssessmentRow { Amount = assessed[i].Amount, Reason = assessed[i].Reason }
                : new AssessmentRow { Amount = d.Amount })
            .Concat((assessed ?? []).Where(a => a.IsAdded).Select(a => new AssessmentRow { Item = a.Item, Amount = a.Amount, Reason = a.Reason }))
            .ToList();
        return RecordResult<AssessmentPage>.Done(await PageOfAsync(contract, input, ct));
    }

    /// <summary>Saves the assessment; on a broken rule the page again with each message next to its row.</summary>
    public async Task<RecordResult<AssessmentPage>> AssessAsync(Guid id, AssessmentInput input, bool bound, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<AssessmentPage>.NotFound;
        }

        if (!await may(contract, ContractPermissions.Decide))
        {
            return RecordResult<AssessmentPage>.Forbidden;
        }

        var declared = contract.Deductions;
        var rows = input.Items ?? [];
        var assessed = declared.Select((d, i) => new AssessedDeduction(d.Item, d.Amount, i < rows.Count ? rows[i].Amount ?? d.Amount : d.Amount, i < rows.Count ? rows[i].Reason : null))
            .Concat(rows.Skip(declared.Count).Where(r => !string.IsNullOrWhiteSpace(r.Item) || r.Amount is not null || !string.IsNullOrWhiteSpace(r.Reason))
                .Select(r => new AssessedDeduction(r.Item?.Trim() ?? string.Empty, null, r.Amount ?? 0m, r.Reason)))
            .ToList();
        // Row indexes of the posted form: a blank added row in the middle keeps its place in the messages.
        var problems = DeductionAssessment.Problems(contract.ContractAmount, declared, assessed);
        if (problems.Count > 0 || contract.Status != ContractStatus.UnderReview || !bound)
        {
            var errors = problems.Select(p => new FieldError(p.Field, p.Message)).ToList();
            if (contract.Status != ContractStatus.UnderReview)
            {
                errors.Add(new FieldError(string.Empty, "只能在审核中核定技术交易额。"));
            }

            return RecordResult<AssessmentPage>.Invalid(errors, await PageOfAsync(contract, input, ct));
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = input.Version;
        contract.AssessTechAmount(clock.GetUtcNow(), new ContractActor(actor.UserId, actor.UserName), assessed);
        await db.SaveChangesAsync(ct);
        return RecordResult<AssessmentPage>.Done(await PageOfAsync(contract, input, ct));
    }

    private async Task<AssessmentPage> PageOfAsync(TechContract contract, AssessmentInput input, CancellationToken ct)
    {
        var filer = await db.Organizations.AsNoTracking().Where(o => o.Id == contract.FilerOrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        while (input.Items.Count < contract.Deductions.Count + AssessmentInput.AddedRows)
        {
            input.Items.Add(new AssessmentRow());
        }

        return new AssessmentPage(contract.Id, contract.ProjectName, filer, contract.ContractAmount, contract.DeclaredTechAmount, contract.Deductions, input);
    }
}
