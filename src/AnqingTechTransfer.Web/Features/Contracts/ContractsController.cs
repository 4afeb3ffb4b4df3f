using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Contracts;

public sealed record ContractDetailsViewModel(TechContract Contract, RegistrationPoint Point, IReadOnlyList<(Guid Id, string Name)> Files,
    bool CanFile, bool CanDecide, DateOnly Today, IReadOnlyDictionary<string, string> FieldNames);

public class DecisionInput
{
    public uint Version { get; set; }
    public string? Remark { get; set; }
    public RefusalReason? Reason { get; set; }
    public bool Disputed { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>技术合同认定登记: filing by the seller side, the registrar's workflow, the certificate and its public check.</summary>
[Authorize]
[Route("contracts")]
public class ContractsController(
    PortalDbContext db,
    IAuthorizationService authorization,
    ICurrentActor actor,
    ContractFilingHandler filing,
    ContractRegistrationHandler registration,
    ContractCalendarHandler calendar,
    ContractPermissions permissions,
    Features.CodeTables.CodeTableLookupHandler codes,
    IOptions<ContractOptions> options,
    TimeProvider clock) : Controller
{
    private ContractActor Me => new(actor.UserId, actor.UserName);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ContractFilter filter, CancellationToken ct)
    {
        ViewData["Filter"] = filter;
        ViewData["Today"] = calendar.Today;
        ViewData["WarningDays"] = options.Value.WarningDays;
        ViewData["Points"] = await db.RegistrationPoints.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        ViewData["Fields"] = await codes.ActiveAsync(Domain.CodeTables.CodeTableCatalog.TechnicalField, ct);
        ViewData["CanFile"] = CanStartFiling;
        return View(await Rows(filter).ToPagedListAsync(filter.Page, ct: ct));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ContractFilter filter, CancellationToken ct)
    {
        var rows = await Rows(filter).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", AuditOutcome.Success, nameof(TechContract), null, $"技术合同列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(rows.Select(r => new ContractExportRow
        {
            Number = r.RegistrationNumber ?? string.Empty,
            ProjectName = r.ProjectName,
            Type = r.Type.Name(),
            Seller = r.SellerName,
            Buyer = r.BuyerName,
            ContractAmount = decimal.Round(r.ContractAmount, 2),
            TechAmount = decimal.Round(r.TechAmount, 2),
            Status = r.Status.Name(),
            Point = r.PointName,
            SignedOn = Display.Date(r.SignedOn),
            Source = r.IsImported ? "外地登记导入" : "本平台登记",
        }), "技术合同", clock);
    }

    [HttpGet("stats")]
    public async Task<IActionResult> Stats(int? year, [FromServices] ContractStatsHandler stats, CancellationToken ct)
    {
        var current = Display.Local(clock.GetUtcNow()).Year;
        var chosen = year is >= 2021 && year <= current ? year.Value : current;
        ViewData["Years"] = Enumerable.Range(2021, current - 2020).Reverse().ToList();
        return View(await stats.ForYearAsync(chosen, ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? docking, CancellationToken ct)
    {
        if (!CanStartFiling)
        {
            return Forbid();
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var form = new ContractForm
        {
            SellerName = own.Name,
            SellerCreditCode = own.CreditCode,
            SellerDivisionCode = Division(own),
        };
        if (docking is { } dockingId)
        {
            // From an accepted docking request: the result's owner sells, the need's owner buys.
            var request = await db.DockingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == dockingId, ct);
            if (request is null)
            {
                return NotFound();
            }

            if (!request.IsParty(actor.OrganizationId) || request.Status != Domain.Matching.DockingStatus.Accepted || request.ContractId is not null)
            {
                return Forbid();
            }

            var need = await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Id == request.NeedId, ct);
            var result = await db.TechResults.AsNoTracking().SingleAsync(r => r.Id == request.ResultId, ct);
            var parties = await db.Organizations.AsNoTracking().Where(o => o.Id == request.NeedOrganizationId || o.Id == request.ResultOrganizationId).ToListAsync(ct);
            var (seller, buyer) = (parties.SingleOrDefault(o => o.Id == request.ResultOrganizationId), parties.SingleOrDefault(o => o.Id == request.NeedOrganizationId));
            var (type, subType) = Domain.Matching.DockingContract.For(need.Modes, result.Modes, result.IpKind);
            form.DockingRequestId = request.Id;
            form.ProjectName = result.Title;
            form.Type = type;
            form.SubType = subType;
            form.TechnicalFieldCode = result.FieldCode;
            (form.SellerName, form.SellerCreditCode, form.SellerDivisionCode) = (result.OrganizationName, seller?.CreditCode, seller is null ? null : Division(seller));
            (form.BuyerName, form.BuyerCreditCode, form.BuyerDivisionCode) = (need.OrganizationName, buyer?.CreditCode, buyer is null ? null : Division(buyer));
        }

        return await FormViewAsync(form, null, ct);
    }

    private static string Division(Domain.Organizations.Organization o) =>
        o.RegionCode.All(char.IsAsciiDigit) ? o.RegionCode : Domain.Organizations.CreditCode.RegistrationRegion(o.CreditCode);

    [HttpPost("new")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    public async Task<IActionResult> New(ContractForm form, CancellationToken ct)
    {
        if (!CanStartFiling)
        {
            return Forbid();
        }

        var terms = await filing.TermsAsync(form, null, ModelState, ct);
        var files = await filing.CheckFilesAsync(form, ModelState, ct);
        if (terms is null || !ModelState.IsValid)
        {
            return await FormViewAsync(form, null, ct);
        }

        var contract = TechContract.Draft(form.RegistrationPointId!.Value, actor.OrganizationId, clock.GetUtcNow(), Me, terms);
        if (form.Intent == "submit")
        {
            contract.Submit(clock.GetUtcNow(), Me);
        }

        db.TechContracts.Add(contract);
        await filing.AttachAsync(contract, files, ct);
        if (form.DockingRequestId is { } dockingId
            && await db.DockingRequests.SingleOrDefaultAsync(r => r.Id == dockingId && r.ContractId == null, ct) is { } request && request.IsParty(actor.OrganizationId))
        {
            request.LinkContract(contract.Id);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = form.Intent == "submit" ? "合同已提交，等待登记点受理。" : "草稿已保存，可稍后继续填写并提交。";
        return RedirectToAction(nameof(Details), new { id = contract.Id });
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await AllowedAsync(contract, ContractPermissions.File))
        {
            return Forbid();
        }

        if (contract.Status is not (ContractStatus.Draft or ContractStatus.Returned))
        {
            TempData[DomainExceptionFilter.FlashError] = "该合同已提交，办理期间不能修改。";
            return RedirectToAction(nameof(Details), new { id });
        }

        return await FormViewAsync(ToForm(contract), contract, ct);
    }

    [HttpPost("{id:guid}/edit")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    public async Task<IActionResult> Edit(Guid id, ContractForm form, CancellationToken ct)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await AllowedAsync(contract, ContractPermissions.File))
        {
            return Forbid();
        }

        var terms = await filing.TermsAsync(form, contract, ModelState, ct);
        var files = await filing.CheckFilesAsync(form, ModelState, ct);
        if (terms is null || !ModelState.IsValid)
        {
            return await FormViewAsync(form, contract, ct);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = form.Version;
        contract.Edit(terms, form.RegistrationPointId!.Value);
        if (form.Intent == "submit")
        {
            contract.Submit(clock.GetUtcNow(), Me);
        }

        await filing.AttachAsync(contract, files, ct);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = form.Intent == "submit" ? "合同已提交，等待登记点受理。" : "已保存。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        var point = await db.RegistrationPoints.AsNoTracking().SingleAsync(p => p.Id == contract.RegistrationPointId, ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ContractFilingHandler.AttachmentOwnerType && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).Select(a => new { a.Id, a.FileName }).ToListAsync(ct);
        return View(new ContractDetailsViewModel(contract, point, files.Select(f => (f.Id, f.FileName)).ToList(),
            await AllowedAsync(contract, ContractPermissions.File), await AllowedAsync(contract, ContractPermissions.Decide),
            calendar.Today, await codes.NamesAsync(Domain.CodeTables.CodeTableCatalog.TechnicalField, ct)));
    }

    [HttpPost("{id:guid}/submit")]
    public Task<IActionResult> Submit(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.File, c => Done(() => c.Submit(clock.GetUtcNow(), Me), "合同已提交。"), ct);

    [HttpPost("{id:guid}/accept")]
    public Task<IActionResult> Accept(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, async c =>
        {
            c.Accept(clock.GetUtcNow(), calendar.Today, Me, await calendar.CalendarAsync(ct), input.Disputed, options.Value.NormalDays, options.Value.LongDays);
            return $"已受理，办理时限至 {Display.Date(c.DueOn)}。";
        }, ct);

    [HttpPost("{id:guid}/return")]
    public Task<IActionResult> Return(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.ReturnForCorrection(clock.GetUtcNow(), Me, input.Remark ?? string.Empty), "已退回补正，申请单位将收到补正意见。"), ct);

    [HttpPost("{id:guid}/review")]
    public Task<IActionResult> Review(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.StartReview(clock.GetUtcNow(), Me), "已开始审核。"), ct);

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, async c =>
        {
            if (!c.Approve(clock.GetUtcNow(), Me, input.Remark))
            {
                return "技术交易额达到500万元，已提交大额复核（须由其他登记员或市科技局复核）。";
            }

            await registration.RegisterAsync(c, Me, input.Remark, ct);
            return $"已予以登记，登记编号 {c.RegistrationNumber}。";
        }, ct, saves: true);

    [HttpPost("{id:guid}/second-review")]
    public Task<IActionResult> SecondReview(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, async c =>
        {
            c.ConfirmSecondReview(Me);
            await registration.RegisterAsync(c, Me, input.Remark, ct);
            return $"复核通过，已予以登记，登记编号 {c.RegistrationNumber}。";
        }, ct, saves: true);

    [HttpPost("{id:guid}/refuse")]
    public Task<IActionResult> Refuse(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.Refuse(clock.GetUtcNow(), Me, input.Reason ?? 0, input.Remark ?? string.Empty), "已作出不予登记决定。"), ct);

    [HttpPost("{id:guid}/change")]
    public Task<IActionResult> Change(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.RecordChange(clock.GetUtcNow(), Me, input.Remark ?? string.Empty), "已办理变更登记。"), ct);

    [HttpPost("{id:guid}/cancel")]
    public Task<IActionResult> Cancel(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.Cancel(clock.GetUtcNow(), Me, input.Remark ?? string.Empty), "已注销登记。"), ct);

    [HttpPost("{id:guid}/income")]
    public Task<IActionResult> DeclareIncome(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.File, c => Done(() => c.DeclareIncome(clock.GetUtcNow(), Me, input.Amount ?? 0), "技术性收入核定申请已提交。"), ct);

    [HttpPost("{id:guid}/income/confirm")]
    public Task<IActionResult> ConfirmIncome(Guid id, DecisionInput input, CancellationToken ct) =>
        ActAsync(id, input, ContractPermissions.Decide, c => Done(() => c.ConfirmIncome(clock.GetUtcNow(), Me), "已核定技术性收入。"), ct);

    [HttpGet("{id:guid}/certificate")]
    public async Task<IActionResult> Certificate(Guid id, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || contract.Status != ContractStatus.Registered || contract.IsImported)
        {
            return NotFound();
        }

        ViewData["Point"] = await db.RegistrationPoints.AsNoTracking().Where(p => p.Id == contract.RegistrationPointId).Select(p => p.Name).SingleAsync(ct);
        return View(contract);
    }

    /// <summary>Public: anyone holding a certificate can check that its number and code are genuine.</summary>
    [AllowAnonymous]
    [HttpGet("verify")]
    public async Task<IActionResult> Verify(string? number, string? code, CancellationToken ct)
    {
        ViewData["Number"] = number;
        ViewData["Code"] = code;
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(code))
        {
            return View((VerifiedContract?)null);
        }

        var found = await ContractVerification.FindAsync(db, number.Trim(), code.Trim().ToUpperInvariant(), ct);
        ViewData["Checked"] = true;
        return View(found);
    }

    private async Task<IActionResult> ActAsync(Guid id, DecisionInput input, OperationAuthorizationRequirement operation,
        Func<TechContract, Task<string>> act, CancellationToken ct, bool saves = false)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await AllowedAsync(contract, operation))
        {
            return Forbid();
        }

        // The version the user saw: if someone decided in between, this decision is refused, not applied on top.
        db.Entry(contract).Property(c => c.Version).OriginalValue = input.Version;
        var message = await act(contract);
        if (!saves || contract.Status != ContractStatus.Registered)
        {
            await db.SaveChangesAsync(ct);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = message;
        return RedirectToAction(nameof(Details), new { id });
    }

    private static Task<string> Done(Action action, string message)
    {
        action();
        return Task.FromResult(message);
    }

    private bool CanStartFiling => permissions.MayFile;

    private async Task<bool> AllowedAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;

    private IQueryable<ContractRow> Rows(ContractFilter filter) =>
        db.TechContracts.AsNoTracking().Apply(filter)
            .Join(db.RegistrationPoints, c => c.RegistrationPointId, p => p.Id, (c, p) => new ContractRow(c.Id, c.ProjectName, c.Type, c.Seller.Name, c.Buyer.Name,
                c.ContractAmount, c.TechAmount, c.Status, p.Name, c.SignedOn, c.DueOn, c.RegistrationNumber, c.IsImported));

    private async Task<IActionResult> FormViewAsync(ContractForm form, TechContract? existing, CancellationToken ct)
    {
        form.PadDeductions();
        ViewData["Existing"] = existing;
        ViewData["Points"] = await db.RegistrationPoints.AsNoTracking().Where(p => !p.IsClosed || (existing != null && p.Id == existing.RegistrationPointId))
            .OrderBy(p => p.Code).Select(p => new Features.CodeTables.CodeOption(p.Id.ToString(), p.Name)).ToListAsync(ct);
        foreach (var table in new[] { "tech-field", "ip-type", "plan-source", "socio-economic-goal", "legal-person-nature" })
        {
            ViewData["Codes:" + table] = await codes.ActiveAsync(table, ct);
        }

        return View("Form", form);
    }

    private static ContractForm ToForm(TechContract c)
    {
        var form = new ContractForm
        {
            Version = c.Version,
            RegistrationPointId = c.RegistrationPointId,
            ProjectName = c.ProjectName,
            Type = c.Type == 0 ? null : c.Type,
            SubType = c.SubType,
            LicenceScope = c.LicenceScope,
            IsTechnologyImport = c.IsTechnologyImport,
            SellerName = c.Seller.Name, SellerCreditCode = c.Seller.CreditCode, SellerCountryCode = c.Seller.CountryCode, SellerDivisionCode = c.Seller.RegionCode, SellerNatureCode = c.Seller.NatureCode,
            BuyerName = c.Buyer.Name, BuyerCreditCode = c.Buyer.CreditCode, BuyerCountryCode = c.Buyer.CountryCode, BuyerDivisionCode = c.Buyer.RegionCode, BuyerNatureCode = c.Buyer.NatureCode,
            BuyerParkCode = AnqingRegions.All.Any(r => r.Code == c.BuyerRegionCode && r.Kind == RegionKind.Park) ? c.BuyerRegionCode : null,
            TechnicalFieldCode = c.TechnicalFieldCode, IpTypeCode = c.IpTypeCode, PlanSourceCode = c.PlanSourceCode, SocioEconomicGoalCode = c.SocioEconomicGoalCode,
            SignedOn = c.SignedOn == default ? null : c.SignedOn,
            ValidFrom = c.ValidFrom == default ? null : c.ValidFrom,
            ValidTo = c.ValidTo == default ? null : c.ValidTo,
            ContractAmount = c.ContractAmount == 0 ? null : c.ContractAmount,
            Deductions = c.Deductions.Select(d => new DeductionRow { Item = d.Item, Amount = d.Amount }).ToList(),
            PaymentMode = c.PaymentMode == 0 ? null : c.PaymentMode,
            BrokerName = c.BrokerName,
            ExpectedInvestment = c.ExpectedInvestment,
            ExpectedOutput = c.ExpectedOutput,
        };
        return form;
    }

    public sealed class ContractExportRow
    {
        [ExcelColumnName("登记编号")] public string Number { get; init; } = string.Empty;
        [ExcelColumnName("项目名称")] public string ProjectName { get; init; } = string.Empty;
        [ExcelColumnName("合同类别")] public string Type { get; init; } = string.Empty;
        [ExcelColumnName("卖方")] public string Seller { get; init; } = string.Empty;
        [ExcelColumnName("买方")] public string Buyer { get; init; } = string.Empty;
        [ExcelColumnName("成交额（万元）")] public decimal ContractAmount { get; init; }
        [ExcelColumnName("技术交易额（万元）")] public decimal TechAmount { get; init; }
        [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
        [ExcelColumnName("登记点")] public string Point { get; init; } = string.Empty;
        [ExcelColumnName("签订日期")] public string SignedOn { get; init; } = string.Empty;
        [ExcelColumnName("来源")] public string Source { get; init; } = string.Empty;
    }
}
