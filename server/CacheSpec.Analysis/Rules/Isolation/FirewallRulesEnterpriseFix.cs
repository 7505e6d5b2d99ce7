using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Enterprise tiers have no firewall rules: remove them.</summary>
internal sealed class FirewallRulesEnterpriseFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (FirewallRules.Remove(context, preferred: true) is { } fix)
        {
            yield return fix;
        }
    }
}
