namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>How a use case on one contract ended before its result: the record was not found, the actor may not, or a rule refused it.</summary>
public enum Access
{
    Granted,
    NotFound,
    Forbidden,
    Refused,
}

/// <summary>
/// A use case's answer on one contract: its value, or why there is none (the controller turns that into 404, 403 or a
/// flash message and a redirect to the contract).
/// </summary>
public sealed record Guarded<T>(Access Access, T? Value = default, string? Message = null)
{
    public static Guarded<T> Ok(T value) => new(Access.Granted, value);
    public static Guarded<T> Missing() => new(Access.NotFound);
    public static Guarded<T> Forbidden() => new(Access.Forbidden);
    public static Guarded<T> Refused(string message) => new(Access.Refused, default, message);
}
