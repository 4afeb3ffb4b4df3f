using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

public class CallForm
{
    [Display(Name = "年度")]
    [Required(ErrorMessage = "请填写年度")]
    [Range(2020, 2100, ErrorMessage = "年度不在有效范围内")]
    public int? Year { get; set; }

    [Display(Name = "指南名称")]
    [Required(ErrorMessage = "请填写指南名称")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "正文")]
    [StringLength(Call.MaxBodyLength, ErrorMessage = "正文不能超过20000个字")]
    public string? Body { get; set; }

    public static CallForm From(Call call) => new() { Year = call.Year, Title = call.Title, Body = call.Body };
}

/// <summary>新建申报指南: a draft call for a year (next year, in Beijing, by default) with its body text; programmes and the guide document are added on its page.</summary>
public class NewCallHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public CallForm New() => new() { Year = clock.GetUtcNow().ToOffset(ProgrammeForm.Beijing).Year + 1 };

    public async Task<Guid> HandleAsync(CallForm form, CancellationToken ct)
    {
        var call = Call.Draft(form.Year!.Value, form.Title, clock.GetUtcNow(), form.Body);
        db.ProjectCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return call.Id;
    }
}
