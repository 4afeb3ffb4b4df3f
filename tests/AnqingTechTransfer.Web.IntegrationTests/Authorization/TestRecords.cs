using System.Reflection;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>
/// Records in the state a permissions table needs (owner organization, region, status...), without walking the domain's
/// workflow to get there: an instance made through the private constructor with the named properties set.
/// </summary>
public static class TestRecords
{
    public static T Make<T>(params (string Property, object? Value)[] values) where T : class
    {
        var record = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        foreach (var (property, value) in values)
        {
            Set(record, property, value);
        }

        return record;
    }

    public static void Set(object record, string name, object? value)
    {
        for (var type = record.GetType(); type is not null; type = type.BaseType)
        {
            var property = type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (property?.GetSetMethod(nonPublic: true) is { } setter)
            {
                setter.Invoke(record, [value]);
                return;
            }
        }

        throw new ArgumentException($"{record.GetType().Name} has no settable property {name}", nameof(name));
    }
}
