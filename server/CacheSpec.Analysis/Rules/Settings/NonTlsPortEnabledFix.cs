using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Close the non-TLS port: nonSslPort: false.</summary>
internal sealed class NonTlsPortEnabledFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { NonSslPort: { } port } cache && context.IsOn(port.Node)
            && YamlEdits.ReplaceScalar(cache.Document.File, port.Node, "false") is { } edit)
        {
            yield return new CodeFix("Set nonSslPort: false", new[] { edit }, IsPreferred: true);
        }
    }
}
