using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Raise the minimum TLS version to "1.2" (quoted: YAML would read a plain 1.2 as a number).</summary>
internal sealed class MinimumTlsVersionFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { MinimumTlsVersion: { } version } cache && context.IsOn(version.Node)
            && YamlEdits.ReplaceScalar(cache.Document.File, version.Node,
                YamlText.StringLike(cache.Document.File.Text, version.Node, "1.2")) is { } edit)
        {
            yield return new CodeFix("Set minimumVersion: \"1.2\"", new[] { edit }, IsPreferred: true);
        }
    }
}
