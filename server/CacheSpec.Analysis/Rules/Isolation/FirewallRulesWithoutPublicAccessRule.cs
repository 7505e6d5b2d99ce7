using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class FirewallRulesWithoutPublicAccessRule : CacheRule
{
    public override string Id => "firewall-rules-without-public-access";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(null, DiagnosticSeverity.Warning);
    public override string Summary => "Firewall rules while publicNetworkAccess is Disabled: they can take no effect.";
    public override FixProvider Fix { get; } = new FirewallRulesWithoutPublicAccessFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.HasFirewallRules && cache.PublicNetworkAccess is { Value: NetworkAccess.Disabled })
        {
            context.Report(cache.Document, cache.FirewallRulesKey!,
                $"Cache '{cache.DisplayName}' has publicNetworkAccess: Disabled, so its {cache.FirewallRules.Count} " +
                    "firewall rule(s) take no effect: they filter only the public endpoint.");
        }
    }
}
