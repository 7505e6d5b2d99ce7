using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Fixes;

/// <summary>
/// Specs beyond the rule pages' examples that exercise the fixes' harder paths (flow style, several files, Azure's
/// default rules, CRLF, odd indentation), kept in tests/cases/features/fixes: a case's files by workspace path.
/// </summary>
public static class FixCases
{
    public const string Feature = "fixes";

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All { get; } =
        FeatureCase.Names(Feature).ToDictionary(name => name, Files, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string> Files(string name) =>
        FeatureCase.Load(Feature, name).Files.ToDictionary(file => file.Path, file => file.Content.Text,
            StringComparer.Ordinal);
}
