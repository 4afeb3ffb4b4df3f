namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>What a contract's attached file proves. Stored as the attachment's purpose.</summary>
public enum EvidenceKind
{
    /// <summary>合同文本: the complete written contract with its annexes (always required).</summary>
    ContractText = 1,
    /// <summary>权属证明: patent certificate, software registration, proof of a know-how's confidentiality, licence chain.</summary>
    RightsProof = 2,
    /// <summary>技术进口合同的许可证或登记证书 (a technology import needs it before 认定).</summary>
    ImportLicence = 3,
    /// <summary>技术性收入凭证: invoices and bank slips for the income the seller declares after performance.</summary>
    IncomeProof = 4,
    /// <summary>Anything else the filer adds (任务书, 中标通知书, correspondence).</summary>
    Other = 9,
}

/// <summary>
/// The files a contract needs before it can be submitted (DOMAIN.md §1.2, §1.4): the complete written contract always;
/// proof of rights for transfers and licences (the achievement must be already mastered and owned); the import licence or
/// registration certificate for a technology import. Each missing item is named in Chinese.
/// </summary>
public static class ContractEvidence
{
    public static string Purpose(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.ContractText => "contract-text",
        EvidenceKind.RightsProof => "rights-proof",
        EvidenceKind.ImportLicence => "import-licence",
        EvidenceKind.IncomeProof => "income-proof",
        _ => "other",
    };

    public static EvidenceKind? FromPurpose(string? purpose) =>
        Enum.GetValues<EvidenceKind>().Cast<EvidenceKind?>().FirstOrDefault(k => k!.Value.Purpose() == purpose);

    public static string Label(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.ContractText => "合同文本（含附件）",
        EvidenceKind.RightsProof => "权属证明（专利证书、软件著作权登记证书、技术秘密保密措施说明等）",
        EvidenceKind.ImportLicence => "技术进口合同许可证或登记证书",
        EvidenceKind.IncomeProof => "技术性收入凭证（发票、银行回单等）",
        _ => "其他材料",
    };

    /// <summary>The badge a file carries in the contract's file list.</summary>
    public static string ShortLabel(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.ContractText => "合同文本",
        EvidenceKind.RightsProof => "权属证明",
        EvidenceKind.ImportLicence => "进口许可",
        EvidenceKind.IncomeProof => "收入凭证",
        _ => "其他",
    };

    /// <summary>The kinds a contract of these terms must carry at submission, in the order the form shows them.</summary>
    public static IReadOnlyList<EvidenceKind> Required(ContractTerms terms)
    {
        var required = new List<EvidenceKind> { EvidenceKind.ContractText };
        if (terms.Type is TechContractType.Transfer or TechContractType.Licence)
        {
            required.Add(EvidenceKind.RightsProof);
        }

        if (terms.IsTechnologyImport)
        {
            required.Add(EvidenceKind.ImportLicence);
        }

        return required;
    }

    /// <summary>The required kinds not among the files present.</summary>
    public static IReadOnlyList<EvidenceKind> Missing(ContractTerms terms, IReadOnlyCollection<EvidenceKind> present) =>
        Required(terms).Where(k => !present.Contains(k)).ToList();

    public static string MissingMessage(IReadOnlyList<EvidenceKind> missing) =>
        "请上传：" + string.Join("；", missing.Select(k => k.Label()));
}
