using CacheSpec.Analysis;
using CacheSpec.Analysis.Rules;
using CsCheck;

namespace CacheSpec.Tests.Fixes;

/// <summary>
/// Mutates specs with fixable findings at random and applies every fix offered: no provider may throw (CodeFixes.For
/// would hide it), and each fix keeps the YAML valid and removes its finding, as on the unmutated specs.
/// </summary>
public class QuickFixPropertyTests
{
    private static readonly string[] Seeds = FixWorkspaces.RulePages.Concat(FixCases.All.Values)
        .Where(files => files.Count == 1)
        .Select(files => files.Values.Single())
        .ToArray();

    private static readonly Gen<string> Mutated =
        from seed in Gen.Int[0, Seeds.Length - 1]
        from operations in Gen.Int[1, 3]
        from seedValue in Gen.Int
        select PropertyTests.Mutate(Seeds[seed], operations, seedValue);

    [Fact]
    public void Fixes_of_mutated_specs_keep_the_yaml_valid_and_remove_their_finding()
    {
        Mutated.Sample(text =>
        {
            var analysis = SpecAnalyzer.Analyze(new[] { ("mutated.cachespec.yaml", text) });
            foreach (var diagnostic in analysis.Diagnostics)
            {
                // Enumerating the providers directly lets an exception through, where CodeFixes.For would swallow it.
                var context = new FixContext(analysis, diagnostic, analysis.Model.Files[0]);
                _ = (RuleCatalog.Find(diagnostic.Code)?.Fix?.Provide(context) ?? Enumerable.Empty<CodeFix>()).ToArray();
            }
            var outcome = FixCheck.Run(new Dictionary<string, string> { ["mutated.cachespec.yaml"] = text });
            // A corrected key or value brings what it held into view: its content may have errors of its own. A
            // resolved reference does the same for the rules that need its target (a subnet too small for the cache now
            // injected into it, say).
            var problems = outcome.Problems.Where(problem => problem.Kind != FixCheck.ProblemKind.NewError
                || problem.Diagnostic.Code is not ("unknown-key" or "invalid-value" or "unresolved-reference"))
                    .ToArray();
            Assert.True(problems.Length == 0, text + "\n" + string.Join("\n\n", problems.Select(problem =>
                problem.Message)));
        }, iter: 1_000, threads: 1);
    }
}
