using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Domain.Notices;

/// <summary>The plan measure a notice is tagged with: its id and its label (任务N：标题).</summary>
public sealed record NoticeMeasure(Guid Id, string Label);

public static class NoticeLabels
{
    /// <summary>How a notice names its measure: 任务N：标题.</summary>
    public static string Measure(int number, string title) => $"任务{number}：{title}";
}

public enum NoticeKind
{
    /// <summary>通知公告</summary>
    Notice = 1,
    /// <summary>公示: open for a number of working days, with an objection channel.</summary>
    Publicity = 2,
}

/// <summary>
/// The objection channel of a publicity (公示), shared by the project publicity and the bureau's publicity notices: anyone
/// may object within the window, giving a name or unit and a way to be reached; every objection is answered.
/// </summary>
public static class ObjectionLog
{
    public static List<Objection> Add(List<Objection> log, bool open, string from, string text, DateTimeOffset now)
    {
        if (!open)
        {
            throw new DomainException("不在公示期内，不能提出异议");
        }

        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(from))
        {
            throw new DomainException("请填写异议内容和联系方式");
        }

        if (text.Length > 2000 || from.Length > 100)
        {
            throw new DomainException("异议内容不超过2000字，姓名或单位及联系方式不超过100字");
        }

        return [.. log, new Objection(Guid.CreateVersion7(now), now, from.Trim(), text.Trim(), null, null)];
    }

    public static List<Objection> Answer(List<Objection> log, Guid objectionId, string answer, DateTimeOffset now)
    {
        if (log.All(o => o.Id != objectionId))
        {
            throw new DomainException("没有该异议");
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new DomainException("请填写答复意见");
        }

        return log.Select(o => o.Id == objectionId ? o with { Answer = answer.Trim(), AnsweredAt = now } : o).ToList();
    }
}

/// <summary>
/// A notice the bureau publishes (通知公告), or a publicity notice (公示) open for N working days from its start; both may
/// carry attachments. The public home page shows the latest. A withdrawn notice leaves the public pages.
/// </summary>
public class Notice
{
    private Notice()
    {
    }

    public Guid Id { get; private set; }
    public NoticeKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public DateOnly PublishedOn { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public int WorkingDays { get; private set; }
    public List<Objection> Objections { get; private set; } = [];
    public bool IsWithdrawn { get; private set; }
    public string? WithdrawReason { get; private set; }
    public Guid PublishedByOrganizationId { get; private set; }
    /// <summary>The publishing organization's name as it was when published (the list's 发布单位 filter and label).</summary>
    public string PublisherName { get; private set; } = string.Empty;
    /// <summary>The plan measure the notice publicises (a lead unit's notice always names one of its own), and its label (任务N：标题).</summary>
    public Guid? MeasureId { get; private set; }
    public string? MeasureLabel { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Notice Publish(NoticeKind kind, string title, string body, DateOnly today, DateOnly? startsOn, int workingDays, WorkingDayCalendar calendar,
        Guid organizationId, DateTimeOffset now, string publisherName = "", NoticeMeasure? measure = null)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("请填写标题（不超过200字）", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainException("请填写正文", nameof(Body));
        }

        var notice = new Notice
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Title = title.Trim(), Body = body.Trim(), PublishedOn = today, PublishedByOrganizationId = organizationId,
            PublisherName = (publisherName ?? string.Empty).Trim(), MeasureId = measure?.Id, MeasureLabel = measure?.Label, CreatedAt = now,
        };
        if (kind == NoticeKind.Publicity)
        {
            var start = startsOn ?? today;
            if (start < today)
            {
                throw new DomainException("公示开始日期不能早于今天", nameof(StartsOn));
            }

            if (workingDays is < 1 or > 30)
            {
                throw new DomainException("公示期应为1至30个工作日", nameof(WorkingDays));
            }

            notice.StartsOn = start;
            notice.WorkingDays = workingDays;
            notice.EndsOn = Publicity.LastDay(start, workingDays, calendar);
        }

        return notice;
    }

    public bool IsOpenForObjection(DateOnly today) =>
        Kind == NoticeKind.Publicity && !IsWithdrawn && StartsOn <= today && today <= EndsOn;

    public void Object(string from, string text, DateOnly today, DateTimeOffset now) =>
        Objections = ObjectionLog.Add(Objections, IsOpenForObjection(today), from, text, now);

    public void Answer(Guid objectionId, string answer, DateTimeOffset now) => Objections = ObjectionLog.Answer(Objections, objectionId, answer, now);

    public void Withdraw(string reason)
    {
        if (IsWithdrawn)
        {
            throw new DomainException("已撤回");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写撤回原因", nameof(WithdrawReason));
        }

        IsWithdrawn = true;
        WithdrawReason = reason.Trim();
    }
}
