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
    private static readonly SpecCases Cases = new("fidelity");

    public static TheoryData<string> CaseNames => Cases.Names;

    private static (string Path, string Text)[] Load(string name) => Cases.Load(name);

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
