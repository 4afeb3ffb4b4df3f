using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Reports;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>The figures and narrative of a yearly report, as the unit edits them.</summary>
public class TransferReportForm
{
    [Display(Name = "转化科技成果数（项）")] public int ResultsTransferred { get; set; }
    [Display(Name = "技术合同数（项）")] public int Contracts { get; set; }
    [Display(Name = "技术合同收入（万元）")] public decimal ContractIncome { get; set; }
    [Display(Name = "许可数（项）")] public int Licences { get; set; }
    [Display(Name = "许可收入（万元）")] public decimal LicenceIncome { get; set; }
    [Display(Name = "作价入股（项）")] public int EquityDeals { get; set; }
    [Display(Name = "作价入股金额（万元）")] public decimal EquityValue { get; set; }
    [Display(Name = "奖励科研人员（万元）")] public decimal ResearcherRewards { get; set; }
    [Display(Name = "衍生企业（家）")] public int SpinOffs { get; set; }
    [Display(Name = "年度转化工作情况说明")] public string? Narrative { get; set; }

    public TransferFigures Figures() => new(ResultsTransferred, Contracts, ContractIncome, Licences, LicenceIncome, EquityDeals, EquityValue, ResearcherRewards, SpinOffs);

    public static TransferReportForm From(TransferReport r) => new()
    {
        ResultsTransferred = r.Figures.ResultsTransferred, Contracts = r.Figures.Contracts, ContractIncome = r.Figures.ContractIncome, Licences = r.Figures.Licences,
        LicenceIncome = r.Figures.LicenceIncome, EquityDeals = r.Figures.EquityDeals, EquityValue = r.Figures.EquityValue, ResearcherRewards = r.Figures.ResearcherRewards,
        SpinOffs = r.Figures.SpinOffs, Narrative = r.Narrative,
    };
}
