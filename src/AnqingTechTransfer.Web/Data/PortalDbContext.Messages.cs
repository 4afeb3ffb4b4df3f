namespace AnqingTechTransfer.Web.Data;

public partial class PortalDbContext
{
    /// <summary>Transitions already announced by this context (Features/Messages/WorkflowMessages): a second save tells nobody twice.</summary>
    internal HashSet<(object Record, Guid To, string What)> Announced { get; } = [];
}
