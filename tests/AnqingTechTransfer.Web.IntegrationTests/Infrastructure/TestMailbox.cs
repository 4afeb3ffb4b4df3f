using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The real SMTP server the tests send to: the one scripts/test.sh started (ANQING_TEST_SMTP, ANQING_TEST_MAILDIR), or,
/// when the tests run without it, one started here the same way (Debian's python3-aiosmtpd into a Maildir, TOOLCHAIN.md §12).
/// Every delivered message is a file; a test finds its own by the unique address it gave its user.
/// </summary>
public static class TestMailbox
{
    private static readonly Lazy<(string Host, int Port, string Maildir)> Server = new(Start);

    public static string Host => Server.Value.Host;

    public static int Port => Server.Value.Port;

    /// <summary>The portal's outbox sender pointed at this server (or at a port where nothing listens, to see a failure).</summary>
    public static Web.Infrastructure.Mail.MailOutboxSender Sender(IServiceProvider services, TimeProvider clock, int? port = null) =>
        new(services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new Web.Infrastructure.Mail.MailOptions { Host = Host, Port = port ?? Port, Security = "None", PortalUrl = "https://kjcg.anqing.test" }),
            clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Infrastructure.Mail.MailOutboxSender>.Instance);

    /// <summary>A fresh address for one test's user, so that its mail is told apart in the shared box.</summary>
    public static string NewAddress(string who) => $"{who}.{Guid.NewGuid():N}@test.anqing.cn";

    /// <summary>The messages delivered so far to an address.</summary>
    public static IReadOnlyList<MimeMessage> To(string address)
    {
        var box = Server.Value.Maildir;
        var messages = new List<MimeMessage>();
        foreach (var sub in new[] { "new", "cur" })
        {
            var dir = Path.Combine(box, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var message = MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    messages.Add(message);
                }
            }
        }

        return messages.OrderBy(m => m.Date).ToList();
    }

    private static (string, int, string) Start()
    {
        if (Environment.GetEnvironmentVariable("ANQING_TEST_SMTP") is { Length: > 0 } given
            && Environment.GetEnvironmentVariable("ANQING_TEST_MAILDIR") is { Length: > 0 } maildir)
        {
            var parts = given.Split(':');
            return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), maildir);
        }

        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var dir = Path.Combine(Path.GetTempPath(), $"anqing-test-smtp-{Environment.ProcessId}");
        var box = Path.Combine(dir, "box");
        Directory.CreateDirectory(dir);
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", box])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("could not start /usr/bin/python3 -m aiosmtpd");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
            }
        };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient("127.0.0.1", port);
                return ("127.0.0.1", port, box);
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("The test SMTP server did not start (apt-get install python3-aiosmtpd, or run scripts/test.sh): "
                        + process.StandardError.ReadToEnd());
                }

                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not listen on port {port}");
    }
}
