namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>The five contract types of Civil Code art. 843 (DOMAIN.md §1.2). An enum: the law fixes them.</summary>
public enum TechContractType
{
    Development = 1,
    Transfer = 2,
    Licence = 3,
    Consulting = 4,
    Service = 5,
}

/// <summary>Sub-types; the tens digit is the type. 技术咨询 has none.</summary>
public enum TechContractSubType
{
    CommissionedDevelopment = 11,
    CooperativeDevelopment = 12,
    PatentTransfer = 21,
    PatentApplicationTransfer = 22,
    KnowHowTransfer = 23,
    OtherIpTransfer = 24,
    PatentLicence = 31,
    KnowHowLicence = 32,
    OtherIpLicence = 33,
    TechnicalService = 51,
    TechnicalTraining = 52,
    TechnicalIntermediary = 53,
}

/// <summary>许可范围 for licence contracts.</summary>
public enum LicenceScope
{
    Exclusive = 1,
    Sole = 2,
    NonExclusive = 3,
}

/// <summary>支付方式 (Civil Code art. 846).</summary>
public enum PaymentMode
{
    LumpSumOnce = 1,
    LumpSumInstalments = 2,
    Royalty = 3,
    RoyaltyWithEntryFee = 4,
    Other = 9,
}

public static class ContractTypeNames
{
    public static TechContractType TypeOf(this TechContractSubType subType) => (TechContractType)((int)subType / 10);

    public static IEnumerable<TechContractSubType> SubTypesOf(TechContractType type) =>
        Enum.GetValues<TechContractSubType>().Where(s => s.TypeOf() == type);

    public static string Name(this TechContractType type) => type switch
    {
        TechContractType.Development => "技术开发",
        TechContractType.Transfer => "技术转让",
        TechContractType.Licence => "技术许可",
        TechContractType.Consulting => "技术咨询",
        TechContractType.Service => "技术服务",
        _ => type.ToString(),
    };

    public static string Name(this TechContractSubType subType) => subType switch
    {
        TechContractSubType.CommissionedDevelopment => "委托开发",
        TechContractSubType.CooperativeDevelopment => "合作开发",
        TechContractSubType.PatentTransfer => "专利权转让",
        TechContractSubType.PatentApplicationTransfer => "专利申请权转让",
        TechContractSubType.KnowHowTransfer => "技术秘密转让",
        TechContractSubType.OtherIpTransfer => "其他知识产权转让",
        TechContractSubType.PatentLicence => "专利实施许可",
        TechContractSubType.KnowHowLicence => "技术秘密使用许可",
        TechContractSubType.OtherIpLicence => "其他知识产权许可",
        TechContractSubType.TechnicalService => "技术服务",
        TechContractSubType.TechnicalTraining => "技术培训",
        TechContractSubType.TechnicalIntermediary => "技术中介",
        _ => subType.ToString(),
    };

    public static string Name(this LicenceScope scope) => scope switch
    {
        LicenceScope.Exclusive => "独占许可",
        LicenceScope.Sole => "排他许可",
        LicenceScope.NonExclusive => "普通许可",
        _ => scope.ToString(),
    };

    public static string Name(this PaymentMode mode) => mode switch
    {
        PaymentMode.LumpSumOnce => "一次总算、一次总付",
        PaymentMode.LumpSumInstalments => "一次总算、分期支付",
        PaymentMode.Royalty => "提成支付",
        PaymentMode.RoyaltyWithEntryFee => "提成支付附加预付入门费",
        PaymentMode.Other => "其他",
        _ => mode.ToString(),
    };
}
