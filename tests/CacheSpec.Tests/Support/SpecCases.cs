namespace CacheSpec.Tests.Support;

/// <summary>
/// A folder of spec cases under tests/cases: each file is one case, each subfolder one multi-file workspace. The inputs
/// are kept as .yaml so that no workspace scan of the repository picks them up; they are handed to the engine under
/// .cachespec.yaml names.
/// </summary>
public sealed class SpecCases(string folder)
{
    private string Root => Path.Combine(RepositoryPaths.Root, "tests", "cases", folder);

    public TheoryData<string> Names => new(Directory.GetFileSystemEntries(Root)
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    public (string Path, string Text)[] Load(string name)
    {
        var path = Path.Combine(Root, name);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal)
            .ToArray() : new[] { path + ".yaml" };
        return files.Select(file => (Path.GetFileNameWithoutExtension(file) + ".cachespec.yaml",
            File.ReadAllText(file))).ToArray();
    }
}
