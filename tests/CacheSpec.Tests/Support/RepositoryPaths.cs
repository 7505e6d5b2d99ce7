namespace CacheSpec.Tests.Support;

/// <summary>Finds the repository's folders from the test's output folder, so tests read the checked-in examples, docs
/// and baselines.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string RuleDocs => Path.Combine(Root, "docs", "rules");

    public static string Baselines => Path.Combine(Root, "tests", "baselines");

    /// <summary>tests/cases: the inputs of the baselines, kept as .yaml so that no workspace scan of the repository
    /// reads them.</summary>
    public static string Cases => Path.Combine(Root, "tests", "cases");

    public static string Schema => Path.Combine(Root, "schemas", "cachespec.schema.json");

    /// <summary>docs/format.md: the format's reference, whose tables the tests hold equal to the engine.</summary>
    public static string FormatReference => Path.Combine(Root, "docs", "format.md");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LanguageServer.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (LanguageServer.sln) was not found above "
            + AppContext.BaseDirectory);
    }
}
