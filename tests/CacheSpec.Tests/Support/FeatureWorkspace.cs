using CacheSpec.Analysis;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support;

/// <summary>
/// Files held by an <see cref="AnalysisHost"/>, the engine's front door, as the language server holds a workspace:
/// every feature baseline asks its questions of the host's current snapshot.
/// </summary>
public sealed class FeatureWorkspace
{
    /// <summary>Guidance links as a host with the shipped docs at file:///docs/guidance/ writes them.</summary>
    public static GuidanceRenderer Guidance { get; } = new(GuidanceIndex.Default, "file:///docs/guidance/");

    private readonly AnalysisHost host = new();

    public FeatureWorkspace(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            host.SetText(path, path, text);
        }
    }

    public AnalysisSnapshot Snapshot => host.Current;

    public SpecFile File(string path) => Snapshot.Files[path];

    public static string RulePageLink(string id) => $"rules/{id}.md";
}
