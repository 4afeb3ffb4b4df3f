using AnqingTechTransfer.Domain.Search;
using JiebaNet.Segmenter;

namespace AnqingTechTransfer.Web.Infrastructure.Search;

/// <summary>
/// jieba.NET's search mode (TOOLCHAIN.md §11): 聚丙烯老化 → 丙烯/聚丙烯/老化. One segmenter per process, built on first use
/// (its dictionaries load in about a second from Resources/ beside the app, which the web csproj copies); reads only.
/// </summary>
public sealed class JiebaWordCutter : IWordCutter
{
    private static readonly Lazy<JiebaWordCutter> Instance = new(() => new JiebaWordCutter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter _segmenter;

    private JiebaWordCutter()
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (!File.Exists(Path.Combine(resources, "dict.txt")))
        {
            throw new InvalidOperationException($"jieba.NET's dictionaries are missing from {resources} (the web project copies them from the package's Resources folder)");
        }

        ConfigManager.ConfigFileBaseDir = resources;
        _segmenter = new JiebaSegmenter();
    }

    /// <summary>The process's segmenter.</summary>
    public static JiebaWordCutter Shared => Instance.Value;

    public IEnumerable<string> CutForSearch(string text) => _segmenter.CutForSearch(text, hmm: true);
}
