using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>
/// A Basic or Standard cache cannot be given zones: remove the key. (On Premium the choice between more replicas and
/// fewer zones is the author's.)
/// </summary>
internal sealed class InvalidZonesFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { Tier.Value: CacheTier.Basic or CacheTier.Standard } cache
            && cache.Syntax.Find("zones") is { } zones && context.IsOn(zones.Key)
            && YamlEdits.RemoveEntry(cache.Document.File, cache.Syntax, zones) is { } edit)
        {
            yield return new CodeFix("Remove zones", new[] { edit }, IsPreferred: true);
        }
    }
}
