using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Use the private DNS zone clients resolve the cache through.</summary>
internal sealed class PrivateDnsZoneFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { } cache
            || cache.PrivateEndpoints.FirstOrDefault(endpoint =>
                context.IsOn(endpoint.PrivateDnsZone?.Node)) is not { PrivateDnsZone: { } zone })
        {
            yield break;
        }
        var expected = cache.Service.PrivateDnsZone;
        var file = cache.Document.File;
        if (YamlEdits.ReplaceScalar(file, zone.Node, YamlText.StringLike(file.Text, zone.Node, expected)) is { } edit)
        {
            yield return new CodeFix($"Change privateDnsZone to {expected}", new[] { edit }, IsPreferred: true);
        }
    }
}
