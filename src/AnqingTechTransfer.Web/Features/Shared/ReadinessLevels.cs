namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// 技术就绪度 (TRL 1–9, GB/T 22900-2022) in plain Chinese: what each level means, shown next to the field that asks for
/// it and wherever a level is displayed (issue 25 §5: codes are explained).
/// </summary>
public static class ReadinessLevels
{
    public static readonly IReadOnlyList<(int Level, string Short, string Meaning)> All =
    [
        (1, "发现基本原理", "发现了基本原理，或看到了基本原理的报道。"),
        (2, "形成技术概念", "提出了技术概念或应用设想，形成了方案。"),
        (3, "关键功能经验证", "通过分析和实验，验证了关键功能或原理可行。"),
        (4, "实验室验证", "关键部件或功能模块在实验室环境中得到验证。"),
        (5, "相关环境验证", "关键部件或功能模块在接近实际的环境中得到验证。"),
        (6, "原型中试", "系统或原型在接近实际的环境中完成验证（中试）。"),
        (7, "实际环境验证", "系统原型在实际使用环境中得到验证。"),
        (8, "定型", "实际系统完成试验验证，工艺和产品定型。"),
        (9, "批量应用", "实际系统经过使用的考验，可以批量生产或推广应用。"),
    ];

    /// <summary>"TRL 5 · 相关环境验证", or "—" when no level is given.</summary>
    public static string Name(int? level) =>
        level is { } l && All.FirstOrDefault(x => x.Level == l) is { Short: { } name } ? $"TRL {l} · {name}" : "—";
}
