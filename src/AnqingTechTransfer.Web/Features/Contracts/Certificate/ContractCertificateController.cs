using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>The registration certificate (a page to print and a PDF to download), and its public check by number and code.</summary>
[Authorize]
[Route("contracts")]
public class ContractCertificateController(CertificateHandler certificates) : Controller
{
    [HttpGet("{id:guid}/certificate")]
    public async Task<IActionResult> Certificate(Guid id, CancellationToken ct) =>
        await certificates.CertificateAsync(id, VerifyAddress(), ct) is { } page ? View(page) : NotFound();

    /// <summary>The same certificate as a PDF, for the same readers; 503 with a Chinese page when the server lacks the font.</summary>
    [HttpGet("{id:guid}/certificate.pdf")]
    public async Task<IActionResult> CertificatePdf(Guid id, CancellationToken ct)
    {
        var result = await certificates.PdfAsync(id, VerifyAddress(), ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Pdf is { } pdf)
        {
            return File(pdf, "application/pdf", result.FileName);
        }

        var unavailable = View("PdfUnavailable", result);
        unavailable.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return unavailable;
    }

    /// <summary>Public: anyone holding a certificate can check that its number and code are genuine.</summary>
    [AllowAnonymous]
    [HttpGet("verify")]
    public async Task<IActionResult> Verify(string? number, string? code, CancellationToken ct) =>
        View(await certificates.VerifyAsync(number, code, ct));

    /// <summary>The verify page's absolute address as this request reached the portal (scheme and host).</summary>
    private string VerifyAddress() => Url.Action(nameof(Verify), "ContractCertificate", null, Request.Scheme)!;
}
