namespace AnqingTechTransfer.Domain.Experts;

public sealed record DrawCriteria(IReadOnlyList<string> FieldCodes, ExpertTypes Types, int Count, int Reserves, int PerEmployerCap, int MinOutside, int MinCredit,
    DateOnly ReviewDate)
{
    public void Validate()
    {
        if (Count is < 1 or > 25)
        {
            throw new DomainException("抽取人数应为1至25人", nameof(Count));
        }

        if (Reserves is < 0 or > 10)
        {
            throw new DomainException("备选人数应为0至10人", nameof(Reserves));
        }

        if (PerEmployerCap < 1)
        {
            throw new DomainException("同一单位人数上限至少为1", nameof(PerEmployerCap));
        }

        if (MinOutside < 0 || MinOutside > Count)
        {
            throw new DomainException("市外专家人数不能超过抽取人数", nameof(MinOutside));
        }

        if (FieldCodes.Count == 0)
        {
            throw new DomainException("请至少选择一个专业领域", nameof(FieldCodes));
        }
    }
}

/// <summary>What the draw knew of an expert, frozen in the draw's record.</summary>
public sealed record Candidate(Guid ExpertId, string EmployerCreditCode, IReadOnlyList<string> FieldCodes, ExpertTypes Types, bool IsLocal, int Credit, bool Available);

public sealed record Exclusion(Guid ExpertId, string Reason);

public sealed record DrawResult(IReadOnlyList<Guid> Selected, IReadOnlyList<Guid> Reserves, IReadOnlyList<Exclusion> Exclusions);

/// <summary>Everything needed to re-run a draw: the seed, the criteria, the pool as it was, and the conflicts found.</summary>
public sealed record DrawRecord(ulong Seed, DrawCriteria Criteria, IReadOnlyList<Candidate> Pool, IReadOnlyList<Conflict> Conflicts, DrawResult Result);

/// <summary>
/// The random draw (随机抽取): filter, exclude every conflict, shuffle with a seeded generator of our own (SplitMix64, so
/// the same record gives the same names on any machine and .NET version), honour the share from outside Anqing and the
/// cap per employer, and take N plus reserves.
/// </summary>
public static class ExpertDraw
{
    public static DrawRecord Run(ulong seed, DrawCriteria criteria, IReadOnlyList<Candidate> pool, IReadOnlyList<Conflict> conflicts)
    {
        criteria.Validate();
        var exclusions = new List<Exclusion>();
        var eligible = new List<Candidate>();
        foreach (var c in pool.OrderBy(c => c.ExpertId))
        {
            var reason = !c.Available ? "不在库或评审日不可参加"
                : c.Credit < criteria.MinCredit ? $"信用分 {c.Credit} 低于 {criteria.MinCredit}"
                : !c.FieldCodes.Intersect(criteria.FieldCodes).Any() ? "专业领域不符"
                : criteria.Types != ExpertTypes.None && (c.Types & criteria.Types) == 0 ? "专家类型不符"
                : conflicts.Where(x => x.ExpertId == c.ExpertId).Select(x => "回避：" + x.Rule.Name() + "（" + x.Evidence + "）").FirstOrDefault();
            if (reason is null)
            {
                eligible.Add(c);
            }
            else
            {
                exclusions.Add(new Exclusion(c.ExpertId, reason));
            }
        }

        var random = new SplitMix64(seed);
        for (var i = eligible.Count - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
        }

        var perEmployer = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new List<Candidate>();
        bool Take(Candidate c)
        {
            if (perEmployer.GetValueOrDefault(c.EmployerCreditCode) >= criteria.PerEmployerCap)
            {
                return false;
            }

            perEmployer[c.EmployerCreditCode] = perEmployer.GetValueOrDefault(c.EmployerCreditCode) + 1;
            taken.Add(c);
            return true;
        }

        // The share from outside Anqing first, then everyone in the shuffled order, until N members and the reserves.
        foreach (var c in eligible.Where(c => !c.IsLocal))
        {
            if (taken.Count(t => !t.IsLocal) >= criteria.MinOutside)
            {
                break;
            }

            Take(c);
        }

        if (taken.Count(t => !t.IsLocal) < criteria.MinOutside)
        {
            throw new DomainException($"符合条件的市外专家不足：需要 {criteria.MinOutside} 名，只有 {taken.Count(t => !t.IsLocal)} 名");
        }

        var wanted = criteria.Count + criteria.Reserves;
        foreach (var c in eligible.Where(c => !taken.Contains(c)))
        {
            if (taken.Count >= wanted)
            {
                break;
            }

            if (!Take(c))
            {
                exclusions.Add(new Exclusion(c.ExpertId, "同一单位专家已达上限"));
            }
        }

        if (taken.Count < criteria.Count)
        {
            throw new DomainException($"符合条件的专家不足：需要 {criteria.Count} 名，只有 {taken.Count} 名");
        }

        // Members in the order drawn (the outside share among them); reserves in order of replacement.
        var members = taken.Take(criteria.Count).Select(c => c.ExpertId).ToList();
        var reserves = taken.Skip(criteria.Count).Select(c => c.ExpertId).ToList();
        return new DrawRecord(seed, criteria, pool, conflicts, new DrawResult(members, reserves, exclusions));
    }

    /// <summary>Re-runs a recorded draw: the same names, or the record was altered.</summary>
    public static bool Replays(DrawRecord record)
    {
        var again = Run(record.Seed, record.Criteria, record.Pool, record.Conflicts).Result;
        return again.Selected.SequenceEqual(record.Result.Selected) && again.Reserves.SequenceEqual(record.Result.Reserves)
            && again.Exclusions.SequenceEqual(record.Result.Exclusions);
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): small, fast, and fully specified, so a seed means the same sequence forever.</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
