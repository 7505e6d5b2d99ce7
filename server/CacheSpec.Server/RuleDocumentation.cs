namespace CacheSpec.Server;

/// <summary>
/// Where the documentation is for a reader: docs/rules and docs/guidance ship beside the executable, so links work
/// offline and in every editor. When the executable runs from a build folder of the repository, the repository's docs
/// folder is used instead.
/// </summary>
public static class RuleDocumentation
{
    private static readonly Lazy<string> DocsFolder = new(FindDocsFolder);

    public static string PagePath(string ruleId) => Path.Combine(DocsFolder.Value, "rules", ruleId + ".md");

    public static string HelpUri(string ruleId) => new Uri(PagePath(ruleId)).AbsoluteUri;

    /// <summary>
    /// The file:// URI of docs/guidance/, ending with a slash, that guidance links are resolved against.
    /// </summary>
    public static string GuidanceBaseUri =>
        new Uri(Path.Combine(DocsFolder.Value, "guidance") + Path.DirectorySeparatorChar).AbsoluteUri;

    private static string FindDocsFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "docs");
        if (Directory.Exists(Path.Combine(beside, "rules")))
        {
            return beside;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs");
            if (Directory.Exists(Path.Combine(candidate, "rules")))
            {
                return candidate;
            }
        }
        return beside;
    }
}
