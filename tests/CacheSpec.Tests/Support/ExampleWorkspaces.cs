namespace CacheSpec.Tests.Support;

/// <summary>The examples as the command line checks a folder: the files of each folder of examples/ form one
/// workspace.</summary>
public static class ExampleWorkspaces
{
    /// <summary>Each folder's files (paths relative to examples/, with "/"), by folder ("." for the top
    /// level).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByFolder() =>
        Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml", SearchOption.AllDirectories)
            .GroupBy(path => Path.GetRelativePath(RepositoryPaths.Examples, Path.GetDirectoryName(path)!).Replace('\\',
                '/'))
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyDictionary<string, string>)group.ToDictionary(
                    path => Path.GetRelativePath(RepositoryPaths.Examples, path).Replace('\\', '/'), File.ReadAllText),
                StringComparer.Ordinal);

    /// <summary>The folder's baseline file name: the folder's name, "top-level" for examples/ itself.</summary>
    public static string BaselineName(string folder) => (folder == "." ? "top-level" : folder) + ".txt";
}
