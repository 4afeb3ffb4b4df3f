using AnqingTechTransfer.Domain.Enterprises;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

public static class CultivationNames
{
    public static string Name(CultivationStatus status) => status switch
    {
        CultivationStatus.Cultivating => "培育中",
        CultivationStatus.Applied => "已申报",
        CultivationStatus.Recognised => "已认定",
        CultivationStatus.Withdrawn => "已退出",
        _ => status.ToString(),
    };
}
