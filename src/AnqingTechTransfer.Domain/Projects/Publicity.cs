using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Projects;

public enum PublicityStatus
{
    Open = 1,
    Ended = 2,
}

public sealed record Objection(Guid Id, DateTimeOffset At, string From, string Text, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// 立项公示: the approved list of a programme, public for a number of working days (configurable; 5–7 is common) with an
/// objection channel. Every objection is recorded and answered; the publicity ends only when the window has passed and no
/// objection is left unanswered.
/// </summary>
public class Publicity
{
    private Publicity()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public List<Guid> ApplicationIds { get; private set; } = [];
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int WorkingDays { get; private set; }
    public PublicityStatus Status { get; private set; }
    public List<Objection> Objections { get; private set; } = [];
    public uint Version { get; private set; }

    public static Publicity Open(Guid programmeId, IReadOnlyList<Guid> applicationIds, DateOnly startsOn, int workingDays, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (applicationIds.Count == 0)
        {
            throw new DomainException("没有拟立项项目，无需公示");
        }

        if (workingDays is < 1 or > 30)
        {
            throw new DomainException("公示期应为1至30个工作日", nameof(WorkingDays));
        }

        return new Publicity
        {
            Id = Guid.CreateVersion7(now), ProgrammeId = programmeId, ApplicationIds = applicationIds.ToList(), StartsOn = startsOn, WorkingDays = workingDays,
            EndsOn = LastDay(startsOn, workingDays, calendar), Status = PublicityStatus.Open,
        };
    }

    /// <summary>The last day of a window of N working days starting on a day (counted if it is a working day).</summary>
    public static DateOnly LastDay(DateOnly start, int workingDays, WorkingDayCalendar calendar)
    {
        var day = start;
        var counted = calendar.IsWorkingDay(day) ? 1 : 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public Objection Object(string from, string text, DateOnly today, DateTimeOffset now)
    {
        Objections = Notices.ObjectionLog.Add(Objections, Status == PublicityStatus.Open && StartsOn <= today && today <= EndsOn, from, text, now);
        return Objections[^1];
    }

    public void Answer(Guid objectionId, string answer, DateTimeOffset now) => Objections = Notices.ObjectionLog.Answer(Objections, objectionId, answer, now);

    public void End(DateOnly today)
    {
        if (Status != PublicityStatus.Open)
        {
            throw new DomainException("公示已结束");
        }

        if (today <= EndsOn)
        {
            throw new DomainException($"公示期至 {EndsOn:yyyy-MM-dd}，期满后才能结束");
        }

        if (Objections.Any(o => o.Answer is null))
        {
            throw new DomainException("还有未答复的异议");
        }

        Status = PublicityStatus.Ended;
    }
}
