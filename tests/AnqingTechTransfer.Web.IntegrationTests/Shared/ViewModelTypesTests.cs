using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 21, ADR 0013: every view is typed on a page model, never directly on a record the database stores (an entity
/// of <see cref="PortalDbContext"/>), so a page shows what its use case chose to show and a new column on a record
/// reaches no page by accident. Read from the compiled views (RazorPage&lt;TModel&gt;), so nothing escapes by spelling.
/// </summary>
public class ViewModelTypesTests
{
    [Fact]
    public void No_view_is_typed_on_an_entity_the_database_stores()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();

        var views = typeof(Program).Assembly.GetTypes()
            .Select(t => (View: t, Model: ModelOf(t)))
            .Where(v => v.Model is not null)
            .ToList();

        views.Should().NotBeEmpty("the views are compiled into the app");
        views.Where(v => Mentions(v.Model!, entities))
            .Select(v => $"{v.View.Name}: {v.Model}")
            .Should().BeEmpty("a view is typed on its page model, not on a stored entity");
    }

    private static Type? ModelOf(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(RazorPage<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>The type, an element of it (a list or a page of them) or a part of a tuple is an entity.</summary>
    private static bool Mentions(Type type, HashSet<Type> entities) =>
        entities.Contains(type)
        || (type.IsArray && Mentions(type.GetElementType()!, entities))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, entities)));
}
