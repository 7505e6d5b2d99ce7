namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Use the group id of the cache's tier: redisCache, or redisEnterprise for Enterprise tiers.</summary>
internal sealed class PrivateEndpointGroupIdFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (PrivateEndpointSetting.Replace(context, "groupId", endpoint => endpoint.GroupId,
            cache => cache.Service.GroupId) is { } fix)
        {
            yield return fix;
        }
    }
}
