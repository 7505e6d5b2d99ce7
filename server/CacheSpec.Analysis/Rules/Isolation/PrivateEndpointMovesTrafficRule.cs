using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PrivateEndpointMovesTrafficRule : CacheRule
{
    public override string Id => "private-endpoint-moves-traffic";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Info);
    public override string Summary =>
        "A private endpoint beside firewall rules or public access: DNS moves all Redis traffic to the endpoint.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (!cache.HasPrivateEndpoints)
        {
            return;
        }
        var publicAccess = cache.PublicAccessMayBeEnabled;
        if (cache.HasFirewallRules || publicAccess)
        {
            var what = cache.HasFirewallRules && publicAccess ? "firewall rules and public access"
                : cache.HasFirewallRules ? "firewall rules" : "public access";
            context.Report(cache.Document, cache.PrivateEndpointsKey!,
                $"Adding a private endpoint to cache '{cache.DisplayName}' moves all its Redis traffic to the " +
                    $"endpoint through DNS; adjust existing clients and {what} first.");
        }
    }
}
