using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>The Chinese names of an awarded project's status and of a change request's kind.</summary>
public static class AwardedNames
{
    public static string Name(ProjectStatus status) => status switch
    {
        ProjectStatus.Running => "实施中",
        ProjectStatus.Passed => "验收通过",
        ProjectStatus.Concluded => "结题",
        ProjectStatus.Failed => "验收不通过",
        ProjectStatus.Terminated => "已终止",
        _ => status.ToString(),
    };

    public static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.Leader => "变更项目负责人",
        ChangeKind.Content => "调整研究内容",
        ChangeKind.Extension => "延期",
        _ => kind.ToString(),
    };
}
