using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// Issue 25 §5: a message names its field with the words of the field's label. The framework's message for an empty value
/// of a number, date or choice does not know the field (ChineseModelBindingMessages.EmptyValue); before the form is shown
/// again it becomes 请填写 / 请选择 and the field's display name without its hint (首席专家权重（首席专家加权时） → 请填写首席专家权重).
/// </summary>
public partial class NamedFieldMessagesFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ViewResult { ViewData.Model: { } model } || context.ModelState.IsValid)
        {
            return;
        }

        foreach (var (key, entry) in context.ModelState)
        {
            if (entry is null || !entry.Errors.Any(e => e.ErrorMessage == ChineseModelBindingMessages.EmptyValue) || PropertyOfPage(model.GetType(), key) is not { } property)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var verb = type.IsEnum || type == typeof(Guid) || type == typeof(bool) ? "请选择" : "请填写";
            var name = property.GetCustomAttribute<DisplayAttribute>()?.Name is { Length: > 0 } display ? Hint().Replace(display, string.Empty) : null;
            if (name is null)
            {
                continue;
            }

            var errors = entry.Errors.Select(e => e.ErrorMessage == ChineseModelBindingMessages.EmptyValue ? new ModelError(verb + name) : e).ToList();
            entry.Errors.Clear();
            foreach (var error in errors)
            {
                entry.Errors.Add(error);
            }
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    /// <summary>
    /// The property a key names on the page's model, or on one of the page's parts when the action bound a form that the page
    /// carries (ProgrammeEditPage.Form: the key "CapPerOrganization" is the form's).
    /// </summary>
    private static PropertyInfo? PropertyOfPage(Type page, string key) =>
        Property(page, key) ?? page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => Property(p.PropertyType, key)).FirstOrDefault(p => p is not null);

    /// <summary>The property a model-state key names ("Rows[2].Amount" → Amount of the rows' element type).</summary>
    private static PropertyInfo? Property(Type type, string key)
    {
        PropertyInfo? property = null;
        foreach (var part in Index().Replace(key, string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var element] ? element : property.PropertyType;
        }

        return property;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"(（[^（）]*）|\([^()]*\))$")]
    private static partial Regex Hint();
}
