namespace AnqingTechTransfer.Domain.Experts;

/// <summary>The 回避 rules (DOMAIN.md §3), each computed from structured data; <see cref="Declared"/> is the expert's own word.</summary>
public enum ConflictRule
{
    TeamMember = 1,
    SameEntity = 2,
    Relative = 3,
    SupervisorOrStudent = 4,
    Collaboration = 5,
    EconomicInterest = 6,
    ApplicantRequest = 7,
    Declared = 8,
    FormerEmployer = 9,
}

public sealed record Conflict(Guid ExpertId, ConflictRule Rule, string Evidence);

/// <summary>A member of the applicant's team: the keyed hash of the ID number identifies the person, the name is shown.</summary>
public sealed record TeamMember(string Name, string PersonKey);

/// <summary>An expert the applicant asks to avoid (申请回避), named with their employer, with the reason.</summary>
public sealed record AvoidRequest(string ExpertName, string EmployerName, string Reason);

/// <summary>Joint work found in the portal's own records (a registered contract, a joint project), between two legal entities.</summary>
public sealed record Collaboration(string CreditCodeA, string CreditCodeB, DateOnly On, string What)
{
    /// <summary>
    /// A project of any mode binds every pair of its units (the applicant, the 发榜方, partners): one collaboration per pair,
    /// dated by the last day the project ran.
    /// </summary>
    public static IEnumerable<Collaboration> Among(IEnumerable<string> creditCodes, DateOnly on, string what)
    {
        var codes = creditCodes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            for (var j = i + 1; j < codes.Count; j++)
            {
                yield return new Collaboration(codes[i], codes[j], on, what);
            }
        }
    }
}

/// <summary>The team of a past project of a unit (the applicant or a partner), from the portal's project records.</summary>
public sealed record PastTeam(string UnitCreditCode, string ProjectTitle, DateOnly Until, IReadOnlyList<TeamMember> Team);

/// <summary>What is reviewed: the applicant and its partners (by credit code), the team, and the experts it asks to avoid.</summary>
public sealed record ReviewSubject(string ApplicantName, string ApplicantCreditCode, IReadOnlyList<string> PartnerCreditCodes, IReadOnlyList<TeamMember> Team,
    IReadOnlyList<AvoidRequest> Avoid)
{
    public const int MaxAvoidRequests = 3;

    public IEnumerable<string> Units => PartnerCreditCodes.Prepend(ApplicantCreditCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal);

    public void Validate()
    {
        if (Avoid.Count > MaxAvoidRequests)
        {
            throw new DomainException($"申请回避的专家不超过{MaxAvoidRequests}名", nameof(Avoid));
        }

        if (Avoid.Any(a => string.IsNullOrWhiteSpace(a.Reason)))
        {
            throw new DomainException("申请回避须说明理由", nameof(Avoid));
        }
    }
}

public static class ConflictRules
{
    public const int CollaborationYears = 3;

    /// <summary>Every conflict of an expert with a subject, each naming its rule and its evidence.</summary>
    public static IReadOnlyList<Conflict> Find(Expert expert, ReviewSubject subject, IEnumerable<Collaboration> collaborations, DateOnly today,
        IEnumerable<PastTeam>? pastTeams = null)
    {
        var found = new List<Conflict>();
        void Add(ConflictRule rule, string evidence) => found.Add(new Conflict(expert.Id, rule, evidence));
        var units = subject.Units.ToHashSet(StringComparer.Ordinal);
        var team = subject.Team.Where(t => t.PersonKey.Length > 0).ToList();

        if (team.FirstOrDefault(t => t.PersonKey == expert.IdNumberKey) is { } self)
        {
            Add(ConflictRule.TeamMember, $"本人（{self.Name}）为申报团队成员");
        }

        // The expert's legal entities: the employer, and every part-time post.
        var entities = expert.Relations.Where(r => r.Kind == RelationKind.PartTimePost && r.CreditCode is { Length: > 0 })
            .Select(r => (Code: r.CreditCode!, Label: $"兼职单位 {r.Name}")).Prepend((Code: expert.Profile.EmployerCreditCode, Label: $"工作单位 {expert.Profile.EmployerName}"))
            .ToList();
        foreach (var entity in entities.Where(e => units.Contains(e.Code)))
        {
            Add(ConflictRule.SameEntity, $"{entity.Label}（{entity.Code}）即申报或合作单位");
        }

        // 原单位: the employer the expert left less than three years ago (a former employment without an end date still counts).
        var since = today.AddYears(-CollaborationYears);
        foreach (var former in expert.Relations.Where(r => r.Kind == RelationKind.FormerEmployer && r.CreditCode is { Length: > 0 } && units.Contains(r.CreditCode)
                     && (r.Until is null || r.Until >= since)))
        {
            Add(ConflictRule.FormerEmployer, $"专家库登记的原工作单位 {former.Name}（{former.CreditCode}）即申报或合作单位" +
                (former.Until is { } until ? $"，{until:yyyy-MM-dd} 离职，未满{CollaborationYears}年" : string.Empty));
        }

        foreach (var relation in expert.Relations.Where(r => r.PersonKey is { Length: > 0 }))
        {
            if (team.FirstOrDefault(t => t.PersonKey == relation.PersonKey) is not { } member)
            {
                continue;
            }

            if (relation.Kind == RelationKind.Relative)
            {
                Add(ConflictRule.Relative, $"申报团队成员 {member.Name} 为本人申报的亲属");
            }
            else if (relation.Kind == RelationKind.SupervisorOrStudent)
            {
                Add(ConflictRule.SupervisorOrStudent, $"申报团队成员 {member.Name} 与本人为师生关系");
            }
        }

        foreach (var relation in expert.Relations.Where(r => r.Kind is RelationKind.Shareholding or RelationKind.Consultancy && r.CreditCode is { Length: > 0 } && units.Contains(r.CreditCode)))
        {
            Add(ConflictRule.EconomicInterest, $"{(relation.Kind == RelationKind.Shareholding ? "持股" : "担任顾问")}：{relation.Name}（{relation.CreditCode}）");
        }

        var own = entities.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var c in collaborations.Where(c => c.On >= since && ((own.Contains(c.CreditCodeA) && units.Contains(c.CreditCodeB)) || (own.Contains(c.CreditCodeB) && units.Contains(c.CreditCodeA))))
                     .OrderByDescending(c => c.On))
        {
            Add(ConflictRule.Collaboration, $"近{CollaborationYears}年合作：{c.What}（{c.On:yyyy-MM-dd}）");
        }

        // The expert on the team of a past project of the applicant or a partner (matched by the ID-number key; the name is shown).
        if (expert.IdNumberKey.Length > 0)
        {
            foreach (var past in (pastTeams ?? []).Where(p => p.Until >= since && units.Contains(p.UnitCreditCode)).OrderByDescending(p => p.Until))
            {
                if (past.Team.FirstOrDefault(t => t.PersonKey == expert.IdNumberKey) is { } member)
                {
                    Add(ConflictRule.Collaboration, $"近{CollaborationYears}年合作：本人（{member.Name}）为申报单位项目《{past.ProjectTitle}》的团队成员（项目团队名单，{past.Until:yyyy-MM-dd}）");
                }
            }
        }

        foreach (var request in subject.Avoid.Where(a => a.ExpertName.Trim() == expert.Name
                     && (a.EmployerName.Trim().Length == 0 || expert.Profile.EmployerName.Contains(a.EmployerName.Trim(), StringComparison.Ordinal))))
        {
            Add(ConflictRule.ApplicantRequest, $"申报单位申请回避：{request.Reason}");
        }

        return found;
    }

    public static string Name(this ConflictRule rule) => rule switch
    {
        ConflictRule.TeamMember => "本人为申报人或团队成员",
        ConflictRule.SameEntity => "同一法人单位（含兼职）",
        ConflictRule.Relative => "近亲属关系",
        ConflictRule.SupervisorOrStudent => "师生关系",
        ConflictRule.Collaboration => "近三年合作关系",
        ConflictRule.EconomicInterest => "经济利益关系",
        ConflictRule.ApplicantRequest => "申报单位申请回避",
        ConflictRule.Declared => "专家自行申报回避",
        ConflictRule.FormerEmployer => "原工作单位（离职未满三年）",
        _ => rule.ToString(),
    };
}
