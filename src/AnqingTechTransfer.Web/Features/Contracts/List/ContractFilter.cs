using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>The list's filters and sort, from the query string (the cockpit and the statistics link here too).</summary>
public class ContractFilter
{
    public ContractStatus? Status { get; set; }
    public TechContractType? Type { get; set; }
    public string? Field { get; set; }
    public Guid? Point { get; set; }
    public string? Region { get; set; }
    /// <summary>"absorbed" (buyer in the region, 吸纳) or "output" (seller in the region, 输出); with Region.</summary>
    public string? Side { get; set; }
    /// <summary>"local" (registered at Anqing's points: what 成交额 and 输出 count) or "imported" (registered elsewhere, 吸纳 only).</summary>
    public string? Origin { get; set; }
    /// <summary>Registration year (Beijing time), as the statistics count.</summary>
    public int? Year { get; set; }
    /// <summary>Registration month 1–12 within Year.</summary>
    public int? Month { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public decimal? MinAmount { get; set; }
    public decimal? MaxAmount { get; set; }
    public string? Q { get; set; }
    public bool Queue { get; set; }
    /// <summary>Only the contracts the actor's organization filed (the filer's to-dos: corrections and drafts are theirs to act on).</summary>
    public bool Filed { get; set; }
    /// <summary>A tab of the registrar's or bureau's queue (ContractQueue); its own order unless Sort says otherwise.</summary>
    public QueueTab? Tab { get; set; }
    public string? Sort { get; set; }
    /// <summary>The cockpit's figure this list was opened from (issue 25 §8): the page says what it shows, with the total.</summary>
    public Domain.Targets.IndicatorSource? Drill { get; set; }
    public int Page { get; set; } = 1;
}
