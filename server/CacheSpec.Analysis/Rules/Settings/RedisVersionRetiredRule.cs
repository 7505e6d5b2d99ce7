using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class RedisVersionRetiredRule : CacheRule
{
    public override string Id => "redis-version-retired";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(null, DiagnosticSeverity.Error);
    public override string Summary => "redisVersion is \"4\", which Azure Cache for Redis has retired.";
    public override FixProvider Fix { get; } = new RedisVersionRetiredFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.RedisVersion is { Value: "4" } version)
        {
            context.Report(cache.Document, version.Node,
                $"Cache '{cache.DisplayName}' runs Redis 4, which is retired (caches had to move to Redis 6 by " +
                    "30 June 2023); set redisVersion: \"6\".");
        }
    }
}
