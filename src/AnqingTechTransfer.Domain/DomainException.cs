namespace AnqingTechTransfer.Domain;

/// <summary>A broken business rule. The message is Chinese and is shown to the user as is.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    /// <summary>The form field the message belongs next to, when there is one.</summary>
    public string? Field { get; } = field;
}
