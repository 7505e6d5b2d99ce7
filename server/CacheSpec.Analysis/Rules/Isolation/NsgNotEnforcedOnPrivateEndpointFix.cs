using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Enforce the subnet's NSG on its private endpoints: privateEndpointNetworkPolicies: Enabled on the subnet (in
/// whichever file declares it). Offered in the current profile only.
/// </summary>
internal sealed class NsgNotEnforcedOnPrivateEndpointFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        // Only the current guidance lets a subnet enforce its NSG on private endpoints.
        if (context.Cache is not { } cache || cache.Document.Profile == GuidanceProfile.V2020_10
            || cache.PrivateEndpoints.FirstOrDefault(endpoint =>
                context.IsOn(endpoint.Subnet?.Node)) is not { Subnet: { } reference }
            || context.Model.FindSubnet(reference.Value) is not { } subnet)
        {
            yield break;
        }
        var after = subnet.Syntax.Find("networkSecurityGroup") ?? subnet.Syntax.Entries[^1];
        if (YamlEdits.SetScalar(subnet.Network.Document.File, subnet.Syntax, "privateEndpointNetworkPolicies",
            "Enabled", after) is { } edit)
        {
            yield return new CodeFix($"Set privateEndpointNetworkPolicies: Enabled on subnet '{reference.Value}'",
                new[] { edit }, IsPreferred: true);
        }
    }
}
