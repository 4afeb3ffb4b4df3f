using AnqingTechTransfer.Domain.Experts;

namespace AnqingTechTransfer.Web.Features.Experts;

public static class ExpertNames
{
    public static string Status(ExpertStatus status) => status switch
    {
        ExpertStatus.Applied => "待审核",
        ExpertStatus.Active => "在库",
        ExpertStatus.Suspended => "暂停",
        ExpertStatus.Removed => "已出库",
        ExpertStatus.Rejected => "未通过",
        _ => status.ToString(),
    };

    public static string State(MemberState state) => state switch
    {
        MemberState.Drawn => "待声明",
        MemberState.NoConflict => "已声明无回避",
        MemberState.Committed => "已签署承诺书",
        MemberState.Scored => "已评分",
        MemberState.ConflictDeclared => "申报回避",
        MemberState.NoShow => "缺席",
        _ => state.ToString(),
    };

    public static string Status(PanelStatus status) => status switch
    {
        PanelStatus.Draft => "待抽取",
        PanelStatus.Drawn => "评审中",
        PanelStatus.Closed => "已结束",
        PanelStatus.Published => "已公示",
        _ => status.ToString(),
    };

    public static string RelationKindName(RelationKind kind) => kind switch
    {
        RelationKind.Relative => "亲属",
        RelationKind.SupervisorOrStudent => "师生",
        RelationKind.Shareholding => "持股",
        RelationKind.Consultancy => "顾问",
        RelationKind.PartTimePost => "兼职",
        RelationKind.FormerEmployer => "原单位",
        _ => "其他",
    };

    public static string TypeName(ExpertTypes type) => type switch
    {
        ExpertTypes.Technical => "技术",
        ExpertTypes.Financial => "财务",
        ExpertTypes.Management => "管理",
        ExpertTypes.Investment => "投资",
        ExpertTypes.Legal => "法律",
        _ => type.ToString(),
    };

    public static string TypeNames(ExpertTypes types) => string.Join("、", Enum.GetValues<ExpertTypes>().Where(t => t != ExpertTypes.None && types.HasFlag(t)).Select(TypeName));
}
