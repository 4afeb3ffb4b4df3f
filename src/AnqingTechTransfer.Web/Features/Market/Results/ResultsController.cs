using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Market.Listings;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Market.Results;

/// <summary>科技成果: universities and institutes post them for transfer; each gets its suggested needs.</summary>
[Route("results")]
public class ResultsController(MarketPermissions permissions, SaveResultHandler forms) : ListingController<TechResult, ResultForm>(permissions, forms);
