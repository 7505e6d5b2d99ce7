using CacheSpec.Analysis.Fixes.Common;

namespace CacheSpec.Analysis.Fixes;

/// <summary>Enterprise tiers have no firewall rules: remove them.</summary>
internal sealed class FirewallRulesEnterpriseFix : FixProvider
{
    public override string RuleId => "firewall-rules-enterprise";

    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (FirewallRules.Remove(context, preferred: true) is { } fix)
        {
            yield return fix;
        }
    }
}
