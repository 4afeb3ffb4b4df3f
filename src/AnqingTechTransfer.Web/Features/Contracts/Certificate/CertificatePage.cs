using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>
/// The registration certificate (登记证明) of a registered contract, the point that registered it, and the full address
/// (absolute, built from the request) of the public verify page with this certificate's number and code filled in.
/// </summary>
public sealed record CertificatePage(TechContract Contract, string PointName, string VerifyUrl)
{
    public const string Note = "凭登记编号和验证码可在本平台的登记证明查验页面（即上方查验地址，或扫描二维码）查验本证明的真伪。本证明不作为免税凭证，税收优惠以主管部门认定为准。";

    /// <summary>The QR code of <see cref="VerifyUrl"/> for the HTML page.</summary>
    public QrModules Qr => _qr ??= QrModules.For(VerifyUrl);

    private QrModules? _qr;
}

/// <summary>The PDF of a certificate, or (null bytes) why it cannot be made on this server.</summary>
public sealed record CertificatePdfResult(CertificatePage Page, byte[]? Pdf, string Problem)
{
    public string FileName => $"技术合同登记证明-{Page.Contract.RegistrationNumber}.pdf";
}
