using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Web.Features.Projects;

public static class ProjectNames
{
    public static string Status(ProblemStatus status) => status switch
    {
        ProblemStatus.Proposed => "待县区初审",
        ProblemStatus.Screened => "县区已推荐",
        ProblemStatus.Listed => "已列入榜单",
        ProblemStatus.Declined => "未推荐",
        ProblemStatus.Taken => "已揭榜",
        _ => status.ToString(),
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "待县区推荐",
        ApplicationStatus.Returned => "退回修改",
        ApplicationStatus.Recommended => "待形式审查",
        ApplicationStatus.Ineligible => "形式审查未通过",
        ApplicationStatus.Eligible => "待专家评审",
        ApplicationStatus.Reviewed => "已评审",
        ApplicationStatus.Approved => "拟立项（公示）",
        ApplicationStatus.NotApproved => "未立项",
        ApplicationStatus.Awarded => "已立项",
        _ => status.ToString(),
    };

    public static string Status(CallStatus status) => status switch
    {
        CallStatus.Draft => "草稿",
        CallStatus.Published => "已发布",
        CallStatus.Closed => "已结束",
        _ => status.ToString(),
    };
}
