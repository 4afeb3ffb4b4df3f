using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>One line of the list's Excel export (Chinese column names).</summary>
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
    [ExcelColumnName("签订日期")] public DateTime? SignedOn { get; init; }
    [ExcelColumnName("来源")] public string Source { get; init; } = string.Empty;
}
