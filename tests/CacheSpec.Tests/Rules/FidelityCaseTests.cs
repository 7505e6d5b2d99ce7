using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Specs an Azure networking engineer would write, each about one point of the guidance where a checker is easily
/// wrong (a false finding, a misleading message, a missed breaker). Each file of tests/cases/fidelity, or each folder
/// as one workspace, is checked in both profiles and its exact findings are a baseline
/// (tests/baselines/fidelity/&lt;case&gt;.txt); a case's first comment says what it shows.
/// </summary>
public class FidelityCaseTests
{
    private static string Cases => Path.Combine(RepositoryPaths.Root, "tests", "cases", "fidelity");

    public static TheoryData<string> CaseNames => new(Directory.GetFileSystemEntries(Cases)
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    /// <summary>The case's files (kept as .yaml so that no workspace scan of the repository picks them up).</summary>
    private static (string Path, string Text)[] Load(string name)
    {
        var folder = Path.Combine(Cases, name);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .ToArray() : new[] { folder + ".yaml" };
        return files.Select(file => (Path.GetFileNameWithoutExtension(file) + ".cachespec.yaml",
            File.ReadAllText(file))).ToArray();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Findings_in_both_profiles_match_their_baseline(string name)
    {
        var files = Load(name);
        var text = string.Concat(new[] { GuidanceProfile.V2020_10, GuidanceProfile.Current }.Select(profile =>
        {
            var result = SpecAnalyzer.Analyze(files, profile);
            var label = profile == GuidanceProfile.Current ? "current" : "2020-10";
            return $"## --guidance {label}\n" + string.Concat(files.Select(file =>
                $"# {file.Path}\n" + Specs.Render(result.For(file.Path))));
        }));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "fidelity", name + ".txt"), text);
    }
}
