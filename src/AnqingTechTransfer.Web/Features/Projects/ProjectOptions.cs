namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>The plan's settings (section "Projects").</summary>
public class ProjectOptions
{
    public const string Section = "Projects";

    /// <summary>Working days the approved list is public with its objection channel (5–7 is common).</summary>
    public int PublicityWorkingDays { get; set; } = 5;
}
