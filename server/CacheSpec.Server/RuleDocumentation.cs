namespace CacheSpec.Server;

/// <summary>
/// Where a rule's page is: docs/rules/&lt;id&gt;.md ships beside the executable, so the link works offline and in every editor.
/// When the executable runs from a build folder of the repository, the repository's docs folder is used instead.
/// </summary>
public static class RuleDocumentation
{
    private static readonly Lazy<string> DocsFolder = new(FindDocsFolder);

    public static string PagePath(string ruleId) => Path.Combine(DocsFolder.Value, ruleId + ".md");

    public static string HelpUri(string ruleId) => new Uri(PagePath(ruleId)).AbsoluteUri;

    private static string FindDocsFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "docs", "rules");
        if (Directory.Exists(beside))
        {
            return beside;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs", "rules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return beside;
    }
}
