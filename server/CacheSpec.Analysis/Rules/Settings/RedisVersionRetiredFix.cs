using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Move the cache to Redis 6, in the quoting style the text already uses.</summary>
internal sealed class RedisVersionRetiredFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { RedisVersion: { } version } cache && context.IsOn(version.Node)
            && YamlEdits.ReplaceScalar(cache.Document.File, version.Node,
                YamlText.StringLike(cache.Document.File.Text, version.Node, "6")) is { } edit)
        {
            yield return new CodeFix("Set redisVersion: \"6\"", new[] { edit }, IsPreferred: true);
        }
    }
}
