using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PrivateEndpointWithFirewallRulesRule : CacheRule
{
    public override string Id => "private-endpoint-with-firewall-rules";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(DiagnosticSeverity.Error, null);
    public override string Summary =>
        "Private endpoints and firewall rules on one cache (not supported by the October 2020 guidance).";
    public override FixProvider Fix { get; } = new PrivateEndpointWithFirewallRulesFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.HasPrivateEndpoints && cache.HasFirewallRules)
        {
            context.Report(cache.Document, cache.FirewallRulesKey!,
                $"Cache '{cache.DisplayName}' has private endpoints, and firewall rules " +
                    $"({cache.FirewallRules.Count}) are not supported beside them in the 2020-10 guidance.");
        }
    }
}
