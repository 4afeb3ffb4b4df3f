using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Market.Listings;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Market.Needs;

/// <summary>技术需求: enterprises post them; the public market lists the published ones; each gets its suggested results.</summary>
[Route("needs")]
public class NeedsController(MarketPermissions permissions, SaveNeedHandler forms) : ListingController<TechNeed, NeedForm>(permissions, forms);
