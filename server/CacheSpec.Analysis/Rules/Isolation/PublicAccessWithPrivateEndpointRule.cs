using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PublicAccessWithPrivateEndpointRule : CacheRule
{
    public override string Id => "public-access-with-private-endpoint";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary => "A cache has private endpoints while publicNetworkAccess is not Disabled.";
    public override FixProvider Fix { get; } = new PublicAccessWithPrivateEndpointFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (!cache.HasPrivateEndpoints || cache.VnetInjection is not null)
        {
            return;
        }
        if (cache.IsEnterpriseTier)
        {
            if (cache.PublicNetworkAccess is { Value: NetworkAccess.Enabled } enabled)
            {
                context.Report(cache.Document, enabled.Node, EnterpriseMessage(cache, cache.Document.Profile));
            }
        }
        else if (cache.PublicAccessMayBeEnabled)
        {
            var shown = cache.PublicNetworkAccess is { } access ? $"publicNetworkAccess is {access.Value}"
                : "publicNetworkAccess is not set";
            context.Report(cache.Document, (cache.PublicNetworkAccess?.Node ?? cache.PrivateEndpointsKey!),
                $"Cache '{cache.DisplayName}' has private endpoints but {shown}, so it stays reachable from the " +
                    "internet; set it to Disabled for private-only access.");
        }
    }

    /// <summary>An Enterprise cache is private once it has an endpoint; what misleads is the setting itself.</summary>
    private static string EnterpriseMessage(CacheModel cache, GuidanceProfile profile) => profile switch
    {
        GuidanceProfile.V2020_10 =>
            $"publicNetworkAccess: Enabled on Enterprise cache '{cache.DisplayName}' has no effect: the October " +
                "2020 guidance offers the flag, and Private Link, only on Basic, Standard and Premium; remove it.",
        _ => $"publicNetworkAccess: Enabled on Enterprise cache '{cache.DisplayName}' is not applied: the Enterprise " +
            "tiers have no such flag and take no public traffic once they have a private endpoint; remove it.",
    };
}
