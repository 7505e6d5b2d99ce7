namespace CacheSpec.Tests.Support;

/// <summary>
/// One case of a feature baseline: tests/cases/features/&lt;feature&gt;/&lt;name&gt;.yaml, or a folder &lt;name&gt;/ of
/// .yaml files for a workspace of several files. Each file goes by &lt;file name&gt;.cachespec.yaml; "$0" marks a
/// cursor. Its expected output is tests/baselines/features/&lt;feature&gt;/&lt;name&gt;.txt.
/// </summary>
public sealed record FeatureCase(string Feature, string Name, IReadOnlyList<FeatureCase.File> Files,
    bool WithHubNetwork)
{
    public sealed record File(string Path, CursorText Content);

    public static string Folder(string feature) => Path.Combine(RepositoryPaths.Cases, "features", feature);

    public static IEnumerable<string> Names(string feature) =>
        Directory.GetFileSystemEntries(Folder(feature))
            .Select(entry => Path.GetFileName(entry).EndsWith(".yaml", StringComparison.Ordinal)
                ? Path.GetFileNameWithoutExtension(entry) : Path.GetFileName(entry))
            .Order(StringComparer.Ordinal);

    /// <summary>The case; with <paramref name="withHubNetwork"/>, its workspace has <see cref="HubNetwork"/> too,
    /// unless it has a network file.</summary>
    public static FeatureCase Load(string feature, string name, bool withHubNetwork = false)
    {
        var folder = Path.Combine(Folder(feature), name);
        var paths = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToArray()
            : new[] { folder + ".yaml" };
        var files = paths.Select(path => new File(
            Path.GetFileNameWithoutExtension(path) + ".cachespec.yaml",
                CursorText.Parse(System.IO.File.ReadAllText(path)))).ToArray();
        return new FeatureCase(feature, name, files, withHubNetwork && files.All(file => file.Path != HubNetwork.Path));
    }

    public FeatureWorkspace Workspace()
    {
        var texts = Files.Select(file => (file.Path, file.Content.Text));
        return new FeatureWorkspace(WithHubNetwork ? texts.Append((HubNetwork.Path, HubNetwork.Text)) : texts);
    }

    public string BaselinePath => Path.Combine(RepositoryPaths.Baselines, "features", Feature, Name + ".txt");

    public void MatchBaseline(string actual) => Baseline.Match(BaselinePath, actual);
}
