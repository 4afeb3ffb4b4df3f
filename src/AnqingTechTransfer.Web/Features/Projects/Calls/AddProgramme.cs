using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

public class ProgrammeForm
{
    /// <summary>The times on the form are Beijing time.</summary>
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Display(Name = "专项名称")]
    [Required(ErrorMessage = "请填写专项名称")]
    [StringLength(100, ErrorMessage = "不能超过100个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "支持方式")]
    public FundingMode Mode { get; set; } = FundingMode.Unveiling;

    [Display(Name = "专项预算（万元）")]
    [Required(ErrorMessage = "请填写专项预算")]
    public decimal? Budget { get; set; }

    [Display(Name = "单项资助上限（万元）")]
    [Required(ErrorMessage = "请填写单项资助上限")]
    public decimal? MaxAward { get; set; }

    [Display(Name = "申报开始")]
    [Required(ErrorMessage = "请填写申报开始时间")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "申报截止")]
    [Required(ErrorMessage = "请填写申报截止时间")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "每个单位限报（项）")]
    [Range(1, 20, ErrorMessage = "应为1至20项")]
    public int CapPerOrganization { get; set; } = 1;

    [Display(Name = "企业限报（项）")]
    [Range(1, 20, ErrorMessage = "应为1至20项")]
    public int CapForEnterprises { get; set; } = 2;

    [Display(Name = "攻关类项目（计入企业牵头比例）")]
    public bool IsTackling { get; set; } = true;

    [Display(Name = "必备附件（每行一种）")]
    public string? RequiredAttachments { get; set; } = "申报书\n承诺书";

    [Display(Name = "定向委托承担单位统一社会信用代码")]
    [StringLength(18)]
    public string? DirectedCreditCode { get; set; }

    [Display(Name = "补助比例（竞争后补助）")]
    public decimal? SubsidyRate { get; set; }

    [Display(Name = "验收标准（研发众包）")]
    [StringLength(2000, ErrorMessage = "不能超过2000个字")]
    public string? AcceptanceCriteria { get; set; }

    [Display(Name = "可采纳方案数（研发众包）")]
    [Range(1, ProgrammeTerms.MaxAcceptedSolutions, ErrorMessage = "应为1至20个")]
    public int AcceptedSolutions { get; set; } = 1;

    /// <summary>A new programme opens tomorrow at 8:00 and closes 30 days later at 17:00 (Beijing).</summary>
    public static ProgrammeForm Fresh(DateTimeOffset now) => new()
    {
        OpensAt = now.ToOffset(Beijing).Date.AddDays(1).AddHours(8), ClosesAt = now.ToOffset(Beijing).Date.AddDays(31).AddHours(17),
    };

    /// <summary>A saved programme's terms on the form, times in Beijing.</summary>
    public static ProgrammeForm From(ProgrammeTerms t) => new()
    {
        Name = t.Name, Mode = t.Mode, Budget = t.Budget, MaxAward = t.MaxAward, OpensAt = t.OpensAt.ToOffset(Beijing).DateTime, ClosesAt = t.ClosesAt.ToOffset(Beijing).DateTime,
        CapPerOrganization = t.CapPerOrganization, CapForEnterprises = t.CapForEnterprises, IsTackling = t.IsTackling,
        RequiredAttachments = string.Join("\n", t.RequiredAttachments), DirectedCreditCode = t.DirectedCreditCode,
    };

    public ProgrammeTerms Terms() =>
        new(Name.Trim(), Mode, Budget!.Value, new DateTimeOffset(OpensAt!.Value, Beijing).ToUniversalTime(), new DateTimeOffset(ClosesAt!.Value, Beijing).ToUniversalTime(),
            CapPerOrganization, CapForEnterprises, IsTackling,
            (RequiredAttachments ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            string.IsNullOrWhiteSpace(DirectedCreditCode) ? null : DirectedCreditCode.Trim().ToUpperInvariant(), MaxAward!.Value)
        {
            // Each mode keeps only its own terms: a rate typed for another mode is not carried along.
            SubsidyRate = Mode == FundingMode.PostSubsidy ? SubsidyRate : null,
            AcceptanceCriteria = Mode == FundingMode.Crowdsourcing ? AcceptanceCriteria?.Trim() : null,
            AcceptedSolutions = Mode == FundingMode.Crowdsourcing ? AcceptedSolutions : 1,
        };
}

/// <summary>增加专项 to a draft call. A broken rule comes back next to its field, with the form as posted.</summary>
public class AddProgrammeHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<CallPage>> HandleAsync(Guid id, ProgrammeForm form, bool formValid, bool managesPlan, CancellationToken ct)
    {
        var call = await db.ProjectCalls.Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return RecordResult<CallPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<CallPage>.Forbidden;
        }

        form.Name ??= string.Empty;
        if (!formValid)
        {
            return RecordResult<CallPage>.Invalid([], new CallPage(call, form));
        }

        var added = await FieldErrors.TryAsync(async () =>
        {
            db.Add(call.AddProgramme(form.Terms(), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return call.Id;
        });
        return added.Succeeded ? RecordResult<CallPage>.Done(new CallPage(call, form)) : RecordResult<CallPage>.Invalid(added.Errors, new CallPage(call, form));
    }
}
