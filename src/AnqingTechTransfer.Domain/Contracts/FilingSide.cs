namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>
/// Who files a contract, for whom (DOMAIN.md §1, issue 22): the seller side applies for registration (the buyer for a
/// technology import), itself or through a technology transfer or service agency on the portal (代理登记). The filing
/// side's credit code on the form must therefore be the filer's own, or, for an agency, that of its principal, an
/// organization registered on the portal; otherwise the contract would be credited to the wrong county.
/// </summary>
public static class FilingSide
{
    /// <summary>The form field that names the filing side.</summary>
    public static string Field(bool technologyImport) => technologyImport ? "BuyerCreditCode" : "SellerCreditCode";

    /// <summary>Why the typed code cannot be the filing side, in Chinese; null when it can (or is not typed yet: the submission check asks for it).</summary>
    public static string? Problem(bool technologyImport, string filerCreditCode, bool filerIsAgency, string typedCode, bool typedIsOnPortal)
    {
        if (string.IsNullOrEmpty(typedCode) || typedCode == filerCreditCode)
        {
            return null;
        }

        var side = technologyImport ? "买方" : "卖方";
        if (filerIsAgency)
        {
            return typedIsOnPortal ? null : $"代理登记时，{side}（委托方）须是已在本平台注册并通过审核的单位，请填写其统一社会信用代码";
        }

        return technologyImport
            ? "技术进口合同由买方申请登记：买方统一社会信用代码须为本单位的代码"
            : "技术合同由卖方申请登记：卖方统一社会信用代码须为本单位的代码（委托技术转移机构代理登记的，由该机构填报）";
    }
}
