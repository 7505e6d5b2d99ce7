using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Use the group id of the cache's tier: redisCache, or redisEnterprise for Enterprise tiers.</summary>
internal sealed class PrivateEndpointGroupIdFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { } cache
            || cache.PrivateEndpoints.FirstOrDefault(endpoint =>
                context.IsOn(endpoint.GroupId?.Node)) is not { GroupId: { } groupId })
        {
            yield break;
        }
        var expected = cache.Service.GroupId;
        var file = cache.Document.File;
        if (YamlEdits.ReplaceScalar(file, groupId.Node,
            YamlText.StringLike(file.Text, groupId.Node, expected)) is { } edit)
        {
            yield return new CodeFix($"Change groupId to {expected}", new[] { edit }, IsPreferred: true);
        }
    }
}
