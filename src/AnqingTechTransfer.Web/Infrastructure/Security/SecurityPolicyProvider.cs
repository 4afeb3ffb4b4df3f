using System.Net;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>The security settings in force: the saved row of the security administrator, else the configured defaults.</summary>
public sealed record SecurityPolicy(int MaxFailedSignIns, int LockoutMinutes, int PasswordMinLength, IReadOnlyList<IPNetwork> AdminNetworks)
{
    public const int MinFailedSignIns = 3;
    public const int MaxFailedSignInsLimit = 10;
    public const int MaxPasswordLength = 32;

    /// <summary>Whether /admin may be reached from this address (no list: from anywhere; no address: not when there is a list).</summary>
    public bool AdminReachableFrom(IPAddress? address) => Admits(AdminNetworks, address);

    /// <summary>Whether /metrics answers this address: the admin networks; with no list, loopback only (never the whole Internet).</summary>
    public bool MetricsReachableFrom(IPAddress? address) =>
        AdminNetworks.Count > 0 ? Admits(AdminNetworks, address) : address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>Whether an allow-list admits an address: the rule for the saved list and for a list about to be saved.</summary>
    public static bool Admits(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        if (networks.Count == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        var v4 = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(v4));
    }

    /// <summary>Reads the allow-list as the form holds it: one address or CIDR network per line. Null when a line is not one.</summary>
    public static IReadOnlyList<IPNetwork>? ParseNetworks(string? text, out string? badLine)
    {
        badLine = null;
        var networks = new List<IPNetwork>();
        foreach (var raw in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(raw, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(raw, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                badLine = raw;
                return null;
            }
        }

        return networks;
    }
}

/// <summary>
/// Reads the settings row once per 30 s per instance (and at once on the instance that saved it): sign-in and password
/// checks stay off the database, and every instance follows a change within half a minute.
/// </summary>
public class SecurityPolicyProvider(IServiceScopeFactory scopes, IOptions<SecurityOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private (SecurityPolicy Policy, DateTime Until)? _cached;

    public async Task<SecurityPolicy> CurrentAsync(CancellationToken ct = default)
    {
        if (_cached is { } c && c.Until > DateTime.UtcNow)
        {
            return c.Policy;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var policy = row is null
            ? new SecurityPolicy(options.Value.MaxFailedSignIns, options.Value.LockoutMinutes, PasswordRules.MinimumLength, [])
            : new SecurityPolicy(row.MaxFailedSignIns, row.LockoutMinutes, row.PasswordMinLength, SecurityPolicy.ParseNetworks(row.AdminAllowedNetworks, out _) ?? []);
        _cached = (policy, DateTime.UtcNow + Lifetime);
        return policy;
    }

    public void Invalidate() => _cached = null;
}
