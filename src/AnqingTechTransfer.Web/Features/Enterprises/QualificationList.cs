namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>The three kinds of qualification: the provincial lists the bureau imports, and the three pages enterprises enter them on.</summary>
public enum QualificationList
{
    HighTech = 1,
    TechSme = 2,
    Specialized = 3,
}
