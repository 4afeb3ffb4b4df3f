using AnqingTechTransfer.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>A broken rule for one field (or the form as a whole: an empty field name), in Chinese.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a handler returns: a value, or the Chinese errors to put next to the fields.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<FieldError> errors, bool succeeded)
    {
        Value = value;
        Errors = errors;
        Succeeded = succeeded;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>
    /// False for every Failed outcome, also one without errors of its own (the form's annotations already said what is
    /// wrong): an empty notice form once "succeeded" with an empty id and led to a missing page (found by FormWordingTests).
    /// </summary>
    public bool Succeeded { get; }

    public static Outcome<T> Ok(T value) => new(value, [], true);
    public static Outcome<T> Failed(IReadOnlyList<FieldError> errors) => new(default, errors, false);
}

public static class FieldErrors
{
    /// <summary>
    /// Runs a handler's work; a broken domain rule becomes a field error (its field, or the form's top) instead of an
    /// exception. The one place where DomainException turns into a form's message.
    /// </summary>
    public static async Task<Outcome<T>> TryAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return Outcome<T>.Ok(await work());
        }
        catch (DomainException e)
        {
            return Outcome<T>.Failed([new FieldError(e.Field ?? string.Empty, e.Message)]);
        }
    }

    public static Outcome<T> Try<T>(Func<T> work)
    {
        try
        {
            return Outcome<T>.Ok(work());
        }
        catch (DomainException e)
        {
            return Outcome<T>.Failed([new FieldError(e.Field ?? string.Empty, e.Message)]);
        }
    }

    /// <summary>Puts a handler's errors next to their fields (the typed values stay in the posted form).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field, error.Message);
        }
    }
}
