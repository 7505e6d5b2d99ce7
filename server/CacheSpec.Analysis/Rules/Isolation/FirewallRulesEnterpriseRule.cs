using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class FirewallRulesEnterpriseRule : CacheRule
{
    public override string Id => "firewall-rules-enterprise";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "Firewall rules on an Enterprise or EnterpriseFlash cache, which do not support them.";
    public override FixProvider Fix { get; } = new FirewallRulesEnterpriseFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.HasFirewallRules && cache.Tier is { Value: CacheTier.Enterprise or CacheTier.EnterpriseFlash } tier)
        {
            context.Report(cache.Document, cache.FirewallRulesKey!,
                $"Cache '{cache.DisplayName}' is {tier.Value}; firewall rules are not available on Enterprise tiers.");
        }
    }
}
