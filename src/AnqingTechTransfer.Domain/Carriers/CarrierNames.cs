namespace AnqingTechTransfer.Domain.Carriers;

public static class CarrierNames
{
    public static string Name(ConsortiumRole role) => role == ConsortiumRole.Lead ? "牵头单位" : "成员单位";

    public static string Name(CarrierType type) => type switch
    {
        CarrierType.InnovationCentre => "技术创新中心",
        CarrierType.KeyLaboratory => "重点实验室",
        CarrierType.EngineeringResearchCentre => "工程研究中心",
        CarrierType.EngineeringTechCentre => "工程技术研究中心",
        CarrierType.EnterpriseTechCentre => "企业技术中心",
        CarrierType.NewRdInstitution => "新型研发机构",
        CarrierType.IndustryInstitute => "产业技术研究院",
        CarrierType.TransferCentre => "科技成果转化中心",
        CarrierType.PilotBaseGeneral => "中试基地（通用性）",
        CarrierType.PilotBaseIndustry => "中试基地（行业性）",
        CarrierType.IndustrialisationBase => "科技成果产业化基地",
        CarrierType.MakerSpace => "众创空间",
        CarrierType.Incubator => "科技企业孵化器",
        CarrierType.Accelerator => "加速器",
        CarrierType.UniversityPark => "大学科技园",
        CarrierType.InnovationConsortium => "创新联合体",
        CarrierType.AcademicianStation => "院士工作站",
        CarrierType.PostdocStation => "博士后工作站",
        CarrierType.CommissionerBase => "科技特派员创新创业示范基地",
        CarrierType.TalentEnclave => "人才飞地",
        CarrierType.RdEnclave => "研发飞地",
        CarrierType.TransferAgency => "技术转移机构",
        _ => type.ToString(),
    };

    public static string Name(CarrierLevel level) => level switch
    {
        CarrierLevel.National => "国家级",
        CarrierLevel.Provincial => "省级",
        _ => "市级",
    };

    public static string Name(CarrierStatus status) => status switch
    {
        CarrierStatus.Cultivating => "培育",
        CarrierStatus.Recognised => "已认定",
        _ => "已撤销",
    };

    public static string Name(RecognitionStatus status) => status switch
    {
        RecognitionStatus.Submitted => "待认定",
        RecognitionStatus.Approved => "予以认定",
        _ => "不予认定",
    };

    public static string Name(Assessment assessment) => assessment switch
    {
        Assessment.Excellent => "优秀",
        Assessment.Good => "良好",
        Assessment.Pass => "合格",
        _ => "不合格",
    };

    public static string Name(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.Requested => "待受理",
        ServiceRequestStatus.Accepted => "服务中",
        ServiceRequestStatus.Declined => "已婉拒",
        _ => "已完成",
    };
}
