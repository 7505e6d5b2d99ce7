using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PrivateDnsZoneRule : CacheRule
{
    public override string Id => "private-dns-zone";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "A private endpoint's privateDnsZone is not the zone of the cache's service in the spec's cloud " +
        "(privatelink.redis.cache.windows.net in the global cloud).";
    public override FixProvider Fix { get; } = new PrivateDnsZoneFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.PrivateDnsZone is not { } expected)
        {
            return;
        }
        foreach (var endpoint in cache.PrivateEndpoints)
        {
            context.Checkpoint();
            if (endpoint.PrivateDnsZone is { } zone
                && !string.Equals(zone.Value, expected, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(cache.Document, zone.Node,
                    $"Private endpoint '{endpoint.Name?.Value}' uses DNS zone '{zone.Value}'; clients resolve the " +
                        $"cache's private address only through '{expected}'.");
            }
        }
    }
}
