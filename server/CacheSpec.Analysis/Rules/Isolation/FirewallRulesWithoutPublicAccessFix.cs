using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Firewall rules that cannot take effect: remove them, or enable public access so they do. Neither is preferred.
/// </summary>
internal sealed class FirewallRulesWithoutPublicAccessFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (FirewallRules.Remove(context, preferred: false) is { } remove)
        {
            yield return remove;
        }
        if (context.Cache is { } cache && PublicAccess.Set(cache, "Enabled", preferred: false) is { } enable)
        {
            yield return enable;
        }
    }
}
