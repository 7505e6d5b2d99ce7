using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Fixes;

/// <summary>The workspaces the fix tests apply every fix of: the rule pages' failing examples, the examples folder, the
/// edge cases.</summary>
public static class FixWorkspaces
{
    /// <summary>A rule page's failing example, alone, as &lt;id&gt;.fails.cachespec.yaml.</summary>
    public static IReadOnlyDictionary<string, string> RulePage(string id) => new Dictionary<string, string>
    {
        [$"{id}.fails.cachespec.yaml"] = Rules.RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, id + ".md"))
            .FailingExample!,
    };

    public static IEnumerable<IReadOnlyDictionary<string, string>> RulePages => RuleCatalog.All.Select(rule =>
        RulePage(rule.Id));

    /// <summary>Every workspace above.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> All => RulePages.Concat(ExampleWorkspaces.ByFolder()
        .Values).Concat(FixCases.All.Values);
}
