using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Supervision;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>What the board, a measure's page and the report forms share about a measure's lead units and their figures.</summary>
public static class MeasureLeads
{
    /// <summary>Each unit that reports on a measure: a named organization, or the government of a named county or park.</summary>
    public static IEnumerable<(Guid? Organization, string? Region)> Keys(PlanMeasure m) =>
        m.LeadOrganizationIds.Select(o => ((Guid?)o, (string?)null)).Concat(m.LeadRegionCodes.Select(r => ((Guid?)null, (string?)r)));

    /// <summary>The figures of a report form (name, value, unit by position); a row left empty is skipped, a name without a value refused.</summary>
    public static List<MeasureFigure> Figures(string[]? names, decimal?[]? values, string[]? units)
    {
        var list = new List<MeasureFigure>();
        for (var i = 0; i < (names?.Length ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(names![i]) && (values is null || i >= values.Length || values[i] is null))
            {
                continue;
            }

            var value = values is not null && i < values.Length ? values[i] : null;
            list.Add(new MeasureFigure(names[i] ?? string.Empty, value ?? throw new DomainException($"请填写“{names[i]}”的数值"),
                units is not null && i < units.Length ? units[i] ?? string.Empty : string.Empty));
        }

        return list;
    }
}
