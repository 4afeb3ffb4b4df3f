namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>What a use case on one record ended in (Enterprises, the expert pool): not found (the tenant filter hides it too), refused, a form to show again, or done.</summary>
public enum Verdict
{
    NotFound,
    Forbidden,
    Invalid,
    Done,
}

/// <summary>
/// The answer of a use case on one record, in the order the controllers always checked: the record is found first (so a
/// record out of scope answers 404 to everyone), then the right, then the form (its errors, possibly none beyond the
/// binder's), then the value.
/// </summary>
public sealed record RecordResult<T>(Verdict Verdict, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static RecordResult<T> NotFound => new(Verdict.NotFound, default, []);
    public static RecordResult<T> Forbidden => new(Verdict.Forbidden, default, []);
    public static RecordResult<T> Invalid(IReadOnlyList<FieldError> errors, T? value = default) => new(Verdict.Invalid, value, errors);
    public static RecordResult<T> Done(T value) => new(Verdict.Done, value, []);

    /// <summary>The same verdict and errors with the value turned into another (its default when there is none).</summary>
    public RecordResult<TOut> Map<TOut>(Func<T, TOut> map) => new(Verdict, Value is null ? default : map(Value), Errors);
}
