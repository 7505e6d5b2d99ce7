using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class NoNetworkIsolationRule : CacheRule
{
    public override string Id => "no-network-isolation";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "No VNet injection, no private endpoint, no firewall rules, and public access Enabled or unset: any internet " +
        "address can connect.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is null && !cache.HasPrivateEndpoints && !cache.HasFirewallRules
            && cache.PublicNetworkAccess?.Value != NetworkAccess.Disabled && cache.IsolationKey is { } isolation)
        {
            context.Report(cache.Document, (cache.PublicNetworkAccess?.Node ?? isolation),
                $"Cache '{cache.DisplayName}' has no network isolation: no private endpoint, VNet injection or " +
                    "firewall rule, so any internet address can connect.");
        }
    }
}
