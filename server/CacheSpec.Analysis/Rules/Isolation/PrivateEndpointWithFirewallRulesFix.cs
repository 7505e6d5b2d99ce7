using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>The 2020-10 guidance does not support firewall rules beside a private endpoint: remove them.</summary>
internal sealed class PrivateEndpointWithFirewallRulesFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (FirewallRules.Remove(context, preferred: true) is { } fix)
        {
            yield return fix;
        }
    }
}
