using System.Reflection;
using AnqingTechTransfer.Web.IntegrationTests.Authorization;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// 等保 L3-CES1-20 / QUALITY.md S4: every form of the app (each POST row of the authorization matrix, as a user allowed to
/// post it) is sent hostile values in every field its action binds, plus fields it does not have (mass assignment). Every
/// answer is a message or a refusal: never a 500, and a script sent in is never echoed back unescaped.
/// </summary>
public class FormFuzzTests(MatrixFixture fx) : IClassFixture<MatrixFixture>
{
    private const string Script = "<script>alert('fuzz')</script>";

    private static readonly string[] Payloads =
    [
        new string('长', 5000),
        Script,
        "'; DROP TABLE tech_contracts; --",
        "1' OR '1'='1",
        "\0\u0001\u0007\u001b\u007f",
        "-1",
        "-99999999999999999999999999999",
        "99999999999999999999999999999",
        "0001-01-01",
        "2026-02-30",
        "true",
        string.Empty,
    ];

    /// <summary>Fields no form of the portal offers, which a mass-assignment attack would try.</summary>
    private static readonly string[] Extras = ["Id", "OrganizationId", "UserId", "Status", "CreatedAt", "IsOrganizationAdmin", "Roles", "Version", "RegionCode", "Amount"];

    /// <summary>What the action binds: simple parameters by name, complex ones by their settable properties (one level of nesting).</summary>
    private static IEnumerable<string> Fields(ControllerActionDescriptor action)
    {
        foreach (var p in action.Parameters)
        {
            if (p.ParameterType == typeof(CancellationToken))
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type.IsPrimitive || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type.IsEnum || type == typeof(DateOnly))
            {
                yield return p.Name;
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite))
            {
                yield return property.Name;
                var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (inner.IsClass && inner != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(inner) && inner.Namespace?.StartsWith("AnqingTechTransfer", StringComparison.Ordinal) == true)
                {
                    foreach (var nested in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite))
                    {
                        yield return $"{property.Name}.{nested.Name}";
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Every_form_answers_hostile_input_with_a_message_or_a_refusal_never_a_server_error()
    {
        var actions = fx.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToDictionary(e => "/" + e.RoutePattern.RawText!.TrimStart('/'), e => e.Metadata.GetMetadata<ControllerActionDescriptor>()!);
        var clients = new Dictionary<string, PortalClient>();
        var tokens = new Dictionary<string, string>();
        var failures = new List<string>();
        var requests = 0;
        var rows = AuthorizationMatrixTests.Rows().Where(r => r.Method == "POST" && r.Route is not ("/account/logout" or "/account/login" or "/account/login-2fa"));
        foreach (var row in rows)
        {
            // A user who may post it, so the values reach the action (a refused user proves nothing about the form).
            var user = AuthorizationMatrixTests.MatrixUsers.FirstOrDefault(u => row.Users.GetValueOrDefault(u, row.Others) == Expect.Allowed);
            if (user is null || !actions.TryGetValue(row.Route, out var action))
            {
                continue;
            }

            if (!clients.TryGetValue(user, out var client))
            {
                client = clients[user] = await fx.SignInAsync(user);
                tokens[user] = await client.TokenAsync();
            }

            var fields = Fields(action).Concat(row.Form?.Keys ?? []).Concat(Extras).Distinct().ToList();
            foreach (var payload in Payloads)
            {
                var form = fields.ToDictionary(f => f, _ => payload);
                form["__RequestVerificationToken"] = tokens[user];
                var response = await client.Http.PostAsync(row.Url(fx.Ids), new FormUrlEncodedContent(form));
                requests++;
                var body = await response.Content.ReadAsStringAsync();
                var shown = payload.Length > 20 ? payload[..20] + "…" : payload;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{row.Route} as {user} with \"{shown}\": {(int)response.StatusCode}");
                }
                else if (payload == Script && body.Contains(Script, StringComparison.Ordinal))
                {
                    failures.Add($"{row.Route} as {user}: the script came back unescaped");
                }
            }
        }

        failures.Should().BeEmpty($"none of {requests} hostile posts may fail with a server error or echo a script");
        requests.Should().BeGreaterThan(1_500, "every form of the app is tried");
    }

    [Fact]
    public async Task A_nul_character_in_a_search_or_a_form_is_refused_with_400_not_a_server_error()
    {
        // Found by scripts/security-scan.sh: %00 in a list's search reached PostgreSQL, which refuses NUL in text (22021).
        var lists = AuthorizationMatrixTests.Rows().Where(r => r.Method == "GET" && !r.Route.Contains('{') && !r.Route.StartsWith("/health", StringComparison.Ordinal)).ToList();
        var bureau = await fx.SignInAsync("bureau");
        var anonymous = fx.Anonymous();
        var failures = new List<string>();
        foreach (var row in lists)
        {
            foreach (var client in new[] { bureau, anonymous })
            {
                var url = row.Url(fx.Ids);
                using var response = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "q=a%00&region=%00&field=%00");
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {url} with %00: {(int)response.StatusCode}");
                }
            }
        }

        failures.Should().BeEmpty();
        (await anonymous.GetAsync("/needs?q=a%00")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        var login = await anonymous.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "a\0", ["Password"] = "x" }));
        login.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, "a NUL in a form without a token is refused, not a 500");
        (await login.Content.ReadAsStringAsync()).Should().Contain("无法识别");
        (await anonymous.GetAsync("/needs?q=催化")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "ordinary searches still work");
    }
}

