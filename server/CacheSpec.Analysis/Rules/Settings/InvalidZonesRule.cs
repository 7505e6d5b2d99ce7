using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>
/// Zones a cache cannot use: any on Basic, a chosen list on Standard (which Azure places itself), more zones than a
/// Premium shard has nodes (a primary and its replicas).
/// </summary>
public sealed class InvalidZonesRule : CacheRule
{
    public override string Id => "invalid-zones";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "zones on a Basic or Standard cache, or more zones than a Premium shard has nodes (1 + replicasPerPrimary).";
    public override FixProvider Fix { get; } = new InvalidZonesFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.Zones.Count == 0 || cache.Syntax.Find("zones") is not { } zones)
        {
            return;
        }
        switch (cache.Tier?.Value)
        {
            case CacheTier.Basic:
                context.Report(cache.Document, zones.Key,
                    $"Basic cache '{cache.DisplayName}' has one node and cannot be spread over zones; remove zones " +
                        "or choose Premium.");
                break;
            case CacheTier.Standard:
                context.Report(cache.Document, zones.Key, cache.Document.Profile == GuidanceProfile.V2020_10
                    ? $"Standard cache '{cache.DisplayName}' cannot use zones: in October 2020 zone redundancy was " +
                        "a Premium feature; remove zones or choose Premium."
                    : $"Standard cache '{cache.DisplayName}' cannot be given zones: Azure places Standard caches " +
                        "in zones itself (automatic zonal allocation); remove zones or choose Premium.");
                break;
            case CacheTier.Premium when cache.Zones.Select(zone => zone.Value).Distinct().Count() > 1 + cache.Replicas:
                context.Report(cache.Document, zones.Key,
                    $"Cache '{cache.DisplayName}' lists {cache.Zones.Count} zones, but each shard has only " +
                        $"{1 + cache.Replicas} nodes (a primary and {cache.Replicas} " +
                        $"{(cache.Replicas == 1 ? "replica" : "replicas")}); raise replicasPerPrimary or list fewer " +
                        "zones.");
                break;
        }
    }
}
