using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>What a use case on one expert ended in: not found (the tenant filter hides it too), refused, a form to show again, or done.</summary>
public enum PoolVerdict
{
    NotFound,
    Forbidden,
    Invalid,
    Done,
}

/// <summary>
/// The answer of a use case on one expert, in the order the controller always checked: the record is found first, then
/// the right, then the form (its errors, possibly none beyond the binder's), then the value.
/// </summary>
public sealed record PoolResult<T>(PoolVerdict Verdict, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static PoolResult<T> NotFound => new(PoolVerdict.NotFound, default, []);
    public static PoolResult<T> Forbidden => new(PoolVerdict.Forbidden, default, []);
    public static PoolResult<T> Invalid(IReadOnlyList<FieldError> errors, T? value = default) => new(PoolVerdict.Invalid, value, errors);
    public static PoolResult<T> Done(T value) => new(PoolVerdict.Done, value, []);
}
