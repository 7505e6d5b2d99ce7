using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>
/// A Premium cache that persists to a storage account behind a firewall. The October 2020 guidance did not support it
/// for a cache with private endpoints (S1, S5); the current guidance supports it only through the cache's managed
/// identity (S4, S7). Other tiers do not persist to a storage account of their own (persistence-requires-premium
/// reports Basic and Standard).
/// </summary>
public sealed class PersistenceStorageFirewallRule : CacheRule
{
    public override string Id => "persistence-storage-firewall";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "Persistence to a firewalled storage account on a Private Link cache (2020-10), or without managed " +
        "identity (current).";
    public override FixProvider Fix { get; } = new PersistenceStorageFirewallFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.Tier?.Value != CacheTier.Premium || cache.StorageFirewall is not { Value: true } firewall
            || cache.PersistenceMode is not { Value: not PersistenceMode.None } mode)
        {
            return;
        }
        var persists = $"Cache '{cache.DisplayName}' persists ({mode.Value.ToString().ToLowerInvariant()}) to a " +
            "storage account behind a firewall";
        if (cache.Profile == GuidanceProfile.V2020_10)
        {
            if (cache.HasPrivateEndpoints)
            {
                context.Report(cache.Document, firewall.Node,
                    $"{persists}, which the 2020-10 guidance does not support for a cache with private endpoints.");
            }
            return;
        }
        if (cache.PersistenceAuthentication?.Value == "managedIdentity")
        {
            return;
        }
        var key = cache.PersistenceAuthentication is null ? "a key (authentication is not set)" : "a key (sas)";
        context.Report(cache.Document, cache.PersistenceAuthentication?.Node ?? firewall.Node,
            $"{persists} with {key}; such an account admits a Premium cache only through its managed identity.");
    }
}
