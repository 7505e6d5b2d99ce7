namespace CacheSpec.Tests.Support;

/// <summary>Finds the repository's folders from the test's output folder, so tests read the checked-in examples, docs and baselines.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string RuleDocs => Path.Combine(Root, "docs", "rules");

    public static string Baselines => Path.Combine(Root, "tests", "baselines");

    public static string Schema => Path.Combine(Root, "schemas", "cachespec.schema.json");

    /// <summary>The design's format page, in the shared folder beside the repository (CI lays it there too).</summary>
    public static string DesignSpecFormat
    {
        get
        {
            for (var folder = new DirectoryInfo(Root); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "design", "spec-format.md");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new FileNotFoundException("shared/design/spec-format.md was not found beside the repository.");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LanguageServer.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (LanguageServer.sln) was not found above " + AppContext.BaseDirectory);
    }
}
