using System.Net;
using AnqingTechTransfer.Web.Features.Imports;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>
/// Imports run as background jobs (Features/Imports). The tests run no job server: they post the upload, are sent to
/// /imports/{id}, run the job's class directly and read the import's page.
/// </summary>
public static class ImportJobs
{
    /// <summary>The upload is answered with the form again (a refused file: no job), or the import's page after its job ran.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page, Guid? Id)> ImportAsync(this PortalFixture fx, PortalClient client, string url,
        Dictionary<string, string> fields, (string Field, string FileName, byte[] Bytes) file)
    {
        var response = await client.PostMultipartAsync(url, fields, file, url);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return (response, PortalClient.Parse(await response.Content.ReadAsStringAsync()), null);
        }

        var location = response.Headers.Location!.OriginalString;
        location.Should().StartWith("/imports/", "an upload is queued and its page shows the import");
        var id = Guid.Parse(location["/imports/".Length..]);
        await fx.RunImportAsync(id);
        return (response, await client.GetPageAsync(location), id);
    }

    /// <summary>Runs an import's job as Hangfire would, in a scope of its own as the system.</summary>
    public static Task RunImportAsync(this PortalFixture fx, Guid id, Func<Guid, Task>? afterProgress = null, CancellationToken ct = default) =>
        fx.WithDbAsync(async (_, services) =>
        {
            var runner = services.GetRequiredService<ImportJobRunner>();
            runner.AfterProgress = afterProgress;
            await runner.RunAsync(id, ct);
        });
}
