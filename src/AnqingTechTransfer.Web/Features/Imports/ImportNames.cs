using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Features.Enterprises;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>The Chinese names of import kinds and states, and an import's address.</summary>
public static class ImportNames
{
    public static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.AbsorbedContracts => "外地登记的吸纳合同",
        ImportKind.HighTechList => "高新技术企业认定名单",
        ImportKind.TechSmeList => "科技型中小企业入库名单",
        ImportKind.ContractExport => "技术合同列表导出",
        _ => "专精特新企业名单",
    };

    /// <summary>The sheet and file name of the contract list's export.</summary>
    public const string ContractSheet = "技术合同";

    public static string StateName(ImportKind kind, ImportState state, string? reason) => state switch
    {
        ImportState.Queued => "排队中",
        ImportState.Running => kind == ImportKind.ContractExport ? "正在导出" : "正在导入",
        ImportState.Succeeded => "已完成",
        ImportState.Rejected => "有误未导入",
        _ => reason is { Length: > 0 } ? $"失败（{reason}）" : "失败",
    };

    public static ImportKind KindOf(QualificationList list) => list switch
    {
        QualificationList.TechSme => ImportKind.TechSmeList,
        QualificationList.Specialized => ImportKind.SpecializedList,
        _ => ImportKind.HighTechList,
    };

    public static QualificationList ListOf(ImportKind kind) => kind switch
    {
        ImportKind.TechSmeList => QualificationList.TechSme,
        ImportKind.SpecializedList => QualificationList.Specialized,
        _ => QualificationList.HighTech,
    };

    /// <summary>The import's page, as a message's link (a local path).</summary>
    public static string Link(Guid id) => $"/imports/{id}";
}
