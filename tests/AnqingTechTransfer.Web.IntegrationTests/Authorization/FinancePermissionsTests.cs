using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Finance;
using AnqingTechTransfer.Web.Features.Finance.RiskPool;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>科技金融: actor × operation × loan (the lending bank) → allowed, and the page rights.</summary>
public class FinancePermissionsTests
{
    private const string Jrj = "11340800000000104X";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static FinancePermissions For(ICurrentActor actor, string? ownCreditCode = null) =>
        new(actor, Duty(actor, ownCreditCode), Options.Create(new PoolOptions { RegulatorDepartments = [Jrj] }));

    private static LoanProduct ProductOf(string bank) => LoanProduct.Create(bank == "own" ? Own : Other, "某银行", "科技研发贷", LoanKind.Research, 3.5m, 4.5m, 10, 500, 12,
        Qualifications.None, string.Empty, Now);

    private static LoanApplication LoanFrom(string bank) =>
        LoanApplication.Apply(ProductOf(bank), Guid.CreateVersion7(), "某企业", "91340822MA2N00501X", Huaining, Qualifications.None, 100, "研发", Now);

    private static OperationAuthorizationRequirement Op(string name) => name == "Handle" ? FinancePermissions.Handle : FinancePermissions.ClaimCompensation;

    [Theory]
    [InlineData(PortalRoles.Bank, "Active", "Handle", "own", true)]
    [InlineData(PortalRoles.Bank, "Active", "ClaimCompensation", "own", true)]
    [InlineData(PortalRoles.Bank, "Active", "Handle", "other", false)]
    [InlineData(PortalRoles.Bank, "Active", "ClaimCompensation", "other", false)]
    [InlineData(PortalRoles.Bank, "Suspended", "Handle", "own", false)]
    [InlineData(PortalRoles.Bank, "Pending", "ClaimCompensation", "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", "Handle", "own", false)]
    [InlineData(PortalRoles.Enterprise, "Active", "Handle", "own", false)]
    [InlineData(PortalRoles.County, "Active", "Handle", "own", false)]
    public void Loans(string role, string status, string operation, string bank, bool allowed) =>
        For(Of(role, Status(status))).Allows(Op(operation), LoanFrom(bank)).Should().Be(allowed);

    [Theory]
    [InlineData(PortalRoles.Bank, "Active", "own", true)]
    [InlineData(PortalRoles.Bank, "Active", "other", false)]
    [InlineData(PortalRoles.Bank, "Suspended", "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", "own", false)]
    public void The_publishing_bank_withdraws_its_product(string role, string status, string bank, bool allowed) =>
        For(Of(role, Status(status))).Withdraws(ProductOf(bank)).Should().Be(allowed);

    [Theory]
    // role, status, region → lends, borrows, reads applications, keeps the pool, sees the pool, sees the fund, sees the figures
    [InlineData(PortalRoles.Bank, "Active", Huaining, true, false, true, false, true, false, true)]
    [InlineData(PortalRoles.Bank, "Suspended", Huaining, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", Huaining, false, true, true, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Pending", Huaining, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Bureau, "Active", AnqingRegions.City, false, false, true, true, true, true, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", AnqingRegions.City, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.County, "Active", Huaining, false, false, true, false, false, false, false)]
    [InlineData(PortalRoles.Park, "Suspended", Huaining, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", AnqingRegions.City, false, false, false, false, false, true, true)]
    [InlineData(PortalRoles.Leader, "Suspended", AnqingRegions.City, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", Huaining, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", AnqingRegions.City, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.University, "Active", Huaining, false, false, false, false, false, false, false)]
    public void Page_rights(string role, string status, string region, bool lends, bool borrows, bool readsApplications, bool keepsPool, bool seesPool, bool seesFund,
        bool seesFigures)
    {
        var permissions = For(Of(role, Status(status), region));
        permissions.Lends.Should().Be(lends);
        permissions.Borrows.Should().Be(borrows);
        permissions.ReadsApplications.Should().Be(readsApplications);
        permissions.KeepsPool.Should().Be(keepsPool);
        permissions.SeesPool.Should().Be(seesPool);
        permissions.SeesFund.Should().Be(seesFund);
        permissions.SeesFigures.Should().Be(seesFigures);
    }

    [Theory]
    // role, status, own credit code → reads the pool, the fund and the figures (without any right to act on them)
    [InlineData(PortalRoles.Department, "Active", Jrj, true)]
    [InlineData(PortalRoles.Department, "Suspended", Jrj, false)]
    [InlineData(PortalRoles.Department, "Active", "11340800000000102X", false)]
    [InlineData(PortalRoles.County, "Active", Jrj, false)]
    public async Task The_financial_regulator_reads_the_pool_the_fund_and_the_figures(string role, string status, string ownCreditCode, bool reads)
    {
        var permissions = For(Of(role, Status(status), AnqingRegions.City), ownCreditCode);
        (await permissions.ReadsPoolAsync(CancellationToken.None)).Should().Be(reads);
        (await permissions.ReadsFundAsync(CancellationToken.None)).Should().Be(reads);
        (await permissions.ReadsFiguresAsync(CancellationToken.None)).Should().Be(reads);
        (permissions.KeepsPool || permissions.Lends).Should().BeFalse("reading only");
    }
}
