using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>The registration certificate, and its public check by number and code.</summary>
[Authorize]
[Route("contracts")]
public class ContractCertificateController(CertificateHandler certificates) : Controller
{
    [HttpGet("{id:guid}/certificate")]
    public async Task<IActionResult> Certificate(Guid id, CancellationToken ct) =>
        await certificates.CertificateAsync(id, ct) is { } page ? View(page) : NotFound();

    /// <summary>Public: anyone holding a certificate can check that its number and code are genuine.</summary>
    [AllowAnonymous]
    [HttpGet("verify")]
    public async Task<IActionResult> Verify(string? number, string? code, CancellationToken ct) =>
        View(await certificates.VerifyAsync(number, code, ct));
}
