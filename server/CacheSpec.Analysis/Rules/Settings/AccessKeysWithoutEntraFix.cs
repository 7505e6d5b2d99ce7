using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Turn Entra ID on beside the disabled access keys (Basic, Standard and Premium offer it).</summary>
internal sealed class AccessKeysWithoutEntraFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { IsEnterpriseTier: false, DisableAccessKeyAuthentication: { } disabled } cache
            && context.IsOn(disabled.Node)
            && YamlEdits.SetScalar(cache.Document.File, cache.Syntax, "entraAuthentication", "true",
                after: cache.Syntax.Find("disableAccessKeyAuthentication")) is { } edit)
        {
            yield return new CodeFix("Set entraAuthentication: true", new[] { edit }, IsPreferred: true);
        }
    }
}
