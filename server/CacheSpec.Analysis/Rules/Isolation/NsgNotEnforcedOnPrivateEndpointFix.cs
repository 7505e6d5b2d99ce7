using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Enforce the subnet's NSG on its private endpoints: privateEndpointNetworkPolicies: Enabled on the subnet (in
/// whichever file declares it).
/// </summary>
internal sealed class NsgNotEnforcedOnPrivateEndpointFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { } cache
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
