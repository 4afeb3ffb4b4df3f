namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

public class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>The fee (元) for a completed review, shown in the expert's history.</summary>
    public decimal FeePerReview { get; set; } = 800m;
}
