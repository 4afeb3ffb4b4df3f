using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// A form shown again after a post whose tick box held something other than true/false: the checkbox tag helper would
/// re-read that text as a bool and throw (a 500 found by the form fuzz test). The posted text is replaced by "false",
/// keeping the field's message, so the form comes back with its other values and messages intact.
/// </summary>
public class UnreadableCheckboxFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ViewResult { ViewData.Model: { } model } || context.ModelState.IsValid)
        {
            return;
        }

        foreach (var (key, entry) in context.ModelState.ToList())
        {
            if (entry?.RawValue is null || !IsBool(model.GetType(), key))
            {
                continue;
            }

            var values = entry.RawValue as string[] ?? [entry.RawValue.ToString() ?? string.Empty];
            if (values.Any(v => !bool.TryParse(v, out _)))
            {
                context.ModelState.SetModelValue(key, false, "false");
            }
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static bool IsBool(Type type, string key)
    {
        foreach (var name in key.Split('.'))
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
    }
}
