using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Finance.RiskPool;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Finance;

/// <summary>
/// 科技金融 (loan products and applications, the risk-compensation pool, the guidance fund, the banks' yearly figures):
/// banks publish products and handle the applications made to them, file pool claims on their defaulted loans and report
/// their figures; enterprises apply; the bureau keeps the pool and the fund; counties and parks follow the applications of
/// their region (tenant filter); city leaders read the fund and the figures; the department supervising local finance
/// (<see cref="PoolOptions.RegulatorDepartments"/>, 市地方金融监管局) reads the pool, the fund and the figures. Every right
/// needs an active organization.
/// </summary>
public sealed class FinancePermissions(ICurrentActor actor, DepartmentDuty duty, IOptions<PoolOptions> options) : Permissions<LoanApplication>(actor)
{
    /// <summary>Decide, disburse, record repayments and defaults (the lending bank).</summary>
    public static readonly OperationAuthorizationRequirement Handle = new() { Name = "LoanHandle" };

    /// <summary>File a risk-compensation claim on the loan (the lending bank).</summary>
    public static readonly OperationAuthorizationRequirement ClaimCompensation = new() { Name = "LoanClaimCompensation" };

    /// <summary>Publishes loan products and reports its yearly figures (a bank).</summary>
    public bool Lends => Actor.Acts(PortalRoles.Bank);

    /// <summary>Applies for loans, its eligibility shown on each product (an enterprise).</summary>
    public bool Borrows => Actor.Acts(PortalRoles.Enterprise);

    /// <summary>Reads the loan applications its tenant scope shows: banks, enterprises, the bureau, counties and parks.</summary>
    public bool ReadsApplications => Lends || Borrows || Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>Signs and reviews the cooperation agreements, decides claims, records fund investments (the bureau).</summary>
    public bool KeepsPool => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Opens the risk-compensation pool: the bureau and the banks.</summary>
    public bool SeesPool => KeepsPool || Lends;

    /// <summary>Reads the guidance fund: the bureau and city leaders.</summary>
    public bool SeesFund => KeepsPool || IsCityLeader;

    /// <summary>Reads the banks' yearly figures: the bureau, the banks (their own) and city leaders.</summary>
    public bool SeesFigures => KeepsPool || Lends || IsCityLeader;

    /// <summary>Reads the pool, the fund and the figures without acting on them (市地方金融监管局).</summary>
    public Task<bool> RegulatesAsync(CancellationToken ct) => duty.HeldAsync(options.Value.RegulatorDepartments, ct);

    /// <summary>Opens the pool: the bureau, the banks and the regulator (reading).</summary>
    public async Task<bool> ReadsPoolAsync(CancellationToken ct) => SeesPool || await RegulatesAsync(ct);

    /// <summary>Opens the fund: the bureau, city leaders and the regulator (reading).</summary>
    public async Task<bool> ReadsFundAsync(CancellationToken ct) => SeesFund || await RegulatesAsync(ct);

    /// <summary>Opens the banks' figures: the bureau, the banks, city leaders and the regulator (reading).</summary>
    public async Task<bool> ReadsFiguresAsync(CancellationToken ct) => SeesFigures || await RegulatesAsync(ct);

    private bool IsCityLeader => Actor.Acts(PortalRoles.Leader) && Actor.Scope == TenantScope.City;

    /// <summary>The actor is the bank named (its own products, applications and claims).</summary>
    public bool IsLendingBank(Guid bankOrganizationId) => Lends && bankOrganizationId == Actor.OrganizationId;

    /// <summary>Withdraws the product (the bank that published it).</summary>
    public bool Withdraws(LoanProduct product) => IsLendingBank(product.BankOrganizationId);

    /// <summary>Records recoveries on an approved claim (the bank that filed it).</summary>
    public bool Recovers(CompensationClaim claim) => IsLendingBank(claim.BankOrganizationId);

    public override bool Allows(OperationAuthorizationRequirement operation, LoanApplication loan) => operation.Name switch
    {
        "LoanHandle" or "LoanClaimCompensation" => IsLendingBank(loan.BankOrganizationId),
        _ => false,
    };
}
