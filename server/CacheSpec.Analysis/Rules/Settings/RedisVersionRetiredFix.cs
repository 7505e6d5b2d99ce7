using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Move the cache to Redis 6.</summary>
internal sealed class RedisVersionRetiredFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (QuotedSetting.Replace(context, context.Cache?.RedisVersion, "redisVersion", "6") is { } fix)
        {
            yield return fix;
        }
    }
}
