using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Projects;

public enum PublicityStatus
{
    Open = 1,
    Ended = 2,
}

/// <summary>What the bureau's answer to an objection does to a listed application.</summary>
public enum ObjectionEffect
{
    /// <summary>异议不成立: the application stays on the list.</summary>
    None = 0,
    /// <summary>异议成立，暂缓立项: held until the bureau reinstates or removes it.</summary>
    Hold = 1,
    /// <summary>异议成立，撤销立项: removed; it is not awarded.</summary>
    Remove = 2,
}

/// <summary>Where a listed application stands on the publicity.</summary>
public enum ListingState
{
    Listed = 1,
    Held = 2,
    Removed = 3,
    Reinstated = 4,
}

/// <summary>A decision on one listed application (from an upheld objection, or the bureau's resolution of a hold), with its reason.</summary>
public sealed record ListingDecision(Guid ApplicationId, ListingState State, string Reason, Guid? ObjectionId, DateTimeOffset At);

public sealed record Objection(Guid Id, DateTimeOffset At, string From, string Text, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// 立项公示: the approved list of a programme, public for a number of working days (configurable; 5–7 is common) with an
/// objection channel. Every objection is recorded and answered; an upheld objection holds (暂缓) or removes (撤销) the
/// application it concerns, and a held one must be reinstated or removed by the bureau. The publicity ends only when the
/// window has passed, no objection is left unanswered and no application is held; only the applications not removed are
/// then awarded.
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
    public List<ListingDecision> Decisions { get; private set; } = [];
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

    /// <summary>Where a listed application stands: its latest decision, or listed.</summary>
    public ListingState StateOf(Guid applicationId) => Decisions.LastOrDefault(d => d.ApplicationId == applicationId)?.State ?? ListingState.Listed;

    public ListingDecision? LatestDecision(Guid applicationId) => Decisions.LastOrDefault(d => d.ApplicationId == applicationId);

    /// <summary>Listed applications held by an upheld objection and not yet reinstated or removed.</summary>
    public IReadOnlyList<Guid> Held => ApplicationIds.Where(a => StateOf(a) == ListingState.Held).ToList();

    /// <summary>What is awarded when the publicity ends: every listed application the objections did not remove.</summary>
    public IReadOnlyList<Guid> ToAward => ApplicationIds.Where(a => StateOf(a) != ListingState.Removed).ToList();

    /// <summary>
    /// The bureau's answer to an objection. Not upheld (<see cref="ObjectionEffect.None"/>): the list stands. Upheld: the
    /// application it concerns is held or removed, with the answer as the reason.
    /// </summary>
    public void Answer(Guid objectionId, string answer, DateTimeOffset now, ObjectionEffect effect = ObjectionEffect.None, Guid? applicationId = null)
    {
        if (effect != ObjectionEffect.None)
        {
            RequireOpen();
            if (applicationId is not { } id || !ApplicationIds.Contains(id))
            {
                throw new DomainException("请选择异议涉及的公示项目", "ApplicationId");
            }

            if (StateOf(id) is ListingState.Removed)
            {
                throw new DomainException("该项目已撤销立项");
            }

            if (effect == ObjectionEffect.Hold && StateOf(id) == ListingState.Held)
            {
                throw new DomainException("该项目已暂缓立项");
            }
        }

        Objections = Notices.ObjectionLog.Answer(Objections, objectionId, answer, now);
        if (effect != ObjectionEffect.None)
        {
            Decisions = [.. Decisions, new ListingDecision(applicationId!.Value, effect == ObjectionEffect.Hold ? ListingState.Held : ListingState.Removed, answer.Trim(),
                objectionId, now)];
        }
    }

    /// <summary>After checking a held application the bureau reinstates it (恢复立项) or removes it (撤销立项), with the reason.</summary>
    public ListingState Resolve(Guid applicationId, bool reinstate, string reason, DateTimeOffset now)
    {
        RequireOpen();
        if (StateOf(applicationId) != ListingState.Held)
        {
            throw new DomainException("该项目不在暂缓立项状态");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(reinstate ? "恢复立项须说明核查结论" : "撤销立项须说明理由", "Reason");
        }

        if (reason.Length > 500)
        {
            throw new DomainException("理由不超过500字", "Reason");
        }

        var state = reinstate ? ListingState.Reinstated : ListingState.Removed;
        Decisions = [.. Decisions, new ListingDecision(applicationId, state, reason.Trim(), null, now)];
        return state;
    }

    private void RequireOpen()
    {
        if (Status != PublicityStatus.Open)
        {
            throw new DomainException("公示已结束");
        }
    }

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

        if (Held.Count > 0)
        {
            throw new DomainException("有因异议成立暂缓立项的项目，请先核查并恢复或撤销立项，再结束公示");
        }

        Status = PublicityStatus.Ended;
    }
}
