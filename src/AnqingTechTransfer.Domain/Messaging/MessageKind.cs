namespace AnqingTechTransfer.Domain.Messaging;

/// <summary>What a message is about: a user chooses per kind whether it also comes by e-mail (/account/notifications).</summary>
public enum MessageKind
{
    General = 0,
    Contracts = 1,
    Projects = 2,
    Reviews = 3,
    Market = 4,
    Carriers = 5,
    Finance = 6,
    Supervision = 7,
    Reminders = 8,
    BackgroundWork = 9,
}

public static class MessageKinds
{
    public static IReadOnlyList<MessageKind> All { get; } = Enum.GetValues<MessageKind>();

    public static string Name(this MessageKind kind) => kind switch
    {
        MessageKind.General => "账户与系统",
        MessageKind.Contracts => "技术合同登记",
        MessageKind.Projects => "科技计划项目",
        MessageKind.Reviews => "专家评审",
        MessageKind.Market => "供需对接与场景",
        MessageKind.Carriers => "创新载体",
        MessageKind.Finance => "资质、三首与科技金融",
        MessageKind.Supervision => "督办与通知",
        MessageKind.Reminders => "到期提醒与待办",
        MessageKind.BackgroundWork => "导入导出结果",
        _ => "其他",
    };

    public static string Example(this MessageKind kind) => kind switch
    {
        MessageKind.General => "账户停用、权限变化等",
        MessageKind.Contracts => "合同受理、登记、退回补正、核销",
        MessageKind.Projects => "申报推荐、形式审查、立项、公示、验收",
        MessageKind.Reviews => "评审任务分配、回避调整",
        MessageKind.Market => "需求和成果审核、匹配、对接",
        MessageKind.Carriers => "载体认定、考核、服务",
        MessageKind.Finance => "资质认定、三首产品、贷款与补贴",
        MessageKind.Supervision => "督办任务、通知公告",
        MessageKind.Reminders => "合同临近办结时限、评分截止、报告到期",
        MessageKind.BackgroundWork => "批量导入、导出完成或失败",
        _ => string.Empty,
    };
}
