namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Use the private DNS zone clients resolve the cache through.</summary>
internal sealed class PrivateDnsZoneFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (PrivateEndpointSetting.Replace(context, "privateDnsZone", endpoint => endpoint.PrivateDnsZone,
            cache => cache.PrivateDnsZone) is { } fix)
        {
            yield return fix;
        }
    }
}
