using System.Security.Cryptography;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Contracts.Decisions;

/// <summary>
/// Issues the registration number: the per-point, per-year serial is incremented in the same transaction as the
/// contract's change, under the serial row's lock. Two registrars at the same moment get consecutive numbers; a
/// decision that fails (a concurrent edit) rolls its serial back, so numbers have no gaps.
/// </summary>
public class ContractRegistrationHandler(PortalDbContext db, IOptions<ContractOptions> options, Experts.Panels.PanelRecheckHandler recheck,
    Market.Docking.SolveNeedHandler solveNeed, TimeProvider clock)
    : Shared.IUseCase
{
    public async Task RegisterAsync(TechContract contract, ContractActor actor, string? remark, bool creditCodesChecked, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.AsNoTracking().SingleAsync(p => p.Id == contract.RegistrationPointId, ct);
        var now = clock.GetUtcNow();
        var year = Display.Local(now).Year;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var serials = await db.Database.SqlQuery<int>($"""
            INSERT INTO registration_serials (point_id, year, last_serial) VALUES ({point.Id}, {year}, 1)
            ON CONFLICT (point_id, year) DO UPDATE SET last_serial = registration_serials.last_serial + 1
            RETURNING last_serial AS "Value"
            """).ToListAsync(ct);
        var serial = serials.Single();
        var number = RegistrationNumber.Format(options.Value.NumberPattern, year, point.NumberRegionCode, point.Code, serial);
        contract.Register(now, actor, number, RegistrationNumber.VerificationCode(RandomNumberGenerator.GetBytes(8)), remark, creditCodesChecked);
        // The need of the docking this contract was filed from is solved (issue 24 §8), in the same transaction.
        await solveNeed.AfterRegisteredAsync(contract.Id, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // A registered contract is a collaboration of its parties: a panel under review of either is checked again (事后回避).
        await recheck.AfterUnitsChangedAsync([contract.Seller.CreditCode, contract.Buyer.CreditCode], ct);
    }
}
