namespace AnqingTechTransfer.Web.Data;

/// <summary>A key the portal generates for itself on first use, kept protected by the shared data-protection key ring.</summary>
public class PortalSecret
{
    public string Name { get; set; } = string.Empty;
    public string ProtectedValue { get; set; } = string.Empty;
}
