using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>
/// The certificate of a contract registered on the platform (not one imported from elsewhere), as a page and a PDF, and
/// its public check. The options are read per request, so a font file configured later is used without a restart.
/// </summary>
public class CertificateHandler(PortalDbContext db, IOptionsSnapshot<ContractOptions> options, ILogger<CertificateHandler> logger) : IUseCase
{
    /// <summary>
    /// Null when the contract is not seen, not registered, or imported. <paramref name="verifyAddress"/> is the verify
    /// page's absolute address (from the request); the certificate's number and code are added to it.
    /// </summary>
    public async Task<CertificatePage?> CertificateAsync(Guid id, string verifyAddress, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || contract.Status != ContractStatus.Registered || contract.IsImported)
        {
            return null;
        }

        var point = await db.RegistrationPoints.AsNoTracking().Where(p => p.Id == contract.RegistrationPointId).Select(p => p.Name).SingleAsync(ct);
        return new CertificatePage(contract, point, VerifyUrl(verifyAddress, contract.RegistrationNumber!, contract.VerificationCode!));
    }

    /// <summary>The certificate as a PDF; null as <see cref="CertificateAsync"/>; without bytes (and a Chinese reason) when the server lacks the font.</summary>
    public async Task<CertificatePdfResult?> PdfAsync(Guid id, string verifyAddress, CancellationToken ct)
    {
        if (await CertificateAsync(id, verifyAddress, ct) is not { } page)
        {
            return null;
        }

        if (CertificateFont.Family(options.Value.CertificateFontFile, out var problem) is not { } family)
        {
            logger.LogError("The PDF certificate cannot be drawn: {Problem}", problem);
            return new CertificatePdfResult(page, null, problem);
        }

        return new CertificatePdfResult(page, CertificatePdf.Render(page, family), string.Empty);
    }

    /// <summary>Checks a number and code only when both are given (then the page says whether they match).</summary>
    public async Task<VerifyPage> VerifyAsync(string? number, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(code))
        {
            return new VerifyPage(number, code, false, null);
        }

        return new VerifyPage(number, code, true, await ContractVerification.FindAsync(db, number.Trim(), code.Trim().ToUpperInvariant(), ct));
    }

    public static string VerifyUrl(string verifyAddress, string number, string code) =>
        QueryHelpers.AddQueryString(verifyAddress, new Dictionary<string, string?> { ["number"] = number, ["code"] = code });
}
