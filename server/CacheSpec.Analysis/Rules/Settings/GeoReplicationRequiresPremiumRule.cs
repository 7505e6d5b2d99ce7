using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class GeoReplicationRequiresPremiumRule : CacheRule
{
    public override string Id => "geo-replication-requires-premium";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "geoReplication is set on a tier other than Premium.";
    public override FixProvider Fix { get; } = new GeoReplicationRequiresPremiumFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.GeoReplicationKey is { } geo && cache.Tier is { Value: not CacheTier.Premium } tier)
        {
            context.Report(cache.Document, geo,
                $"Cache '{cache.DisplayName}' is {tier.Value}; passive geo-replication links Premium caches only.");
        }
    }
}
