using AnqingTechTransfer.Domain.Enterprises;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

public static class ConfirmationNames
{
    public static string Name(Confirmation confirmation) => confirmation switch
    {
        Confirmation.Pending => "待确认",
        Confirmation.Confirmed => "已确认",
        Confirmation.Rejected => "已退回",
        _ => confirmation.ToString(),
    };
}
