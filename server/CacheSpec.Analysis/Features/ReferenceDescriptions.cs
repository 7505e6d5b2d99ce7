using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// What a reference points to, as Markdown built from the model: for hovers on references and for completion items that
/// offer them.
/// </summary>
public static class ReferenceDescriptions
{
    public static string Subnet(string reference, WorkspaceModel model)
    {
        if (model.FindSubnet(reference) is not { } subnet)
        {
            return $"**`{reference}`**: no subnet of the workspace has this name.";
        }
        var lines = new List<string> {
            $"**`{reference}`** · subnet of network `{subnet.Network.Name?.Value}` " +
            $"({subnet.Network.Document.File.Path})" };
        if (subnet.AddressPrefix is { } prefix)
        {
            lines.Add($"`{prefix.Value}` · {prefix.Value.UsableAddresses} usable addresses");
        }
        var injected = model.CachesInjectedInto(subnet);
        if (injected.Count > 0)
        {
            var names = injected.Select(cache => $"`{cache.DisplayName}` ({cache.RequiredSubnetAddresses})");
            lines.Add($"Injected caches: {string.Join(", ", names)}, " +
                $"{injected.Sum(cache => cache.RequiredSubnetAddresses)} addresses in all");
        }
        var endpoints = model.PrivateEndpointsIn(subnet);
        if (endpoints.Count > 0)
        {
            var names = endpoints.Select(endpoint => $"`{endpoint.Name?.Value}` of `{endpoint.Cache.DisplayName}`");
            lines.Add($"Private endpoints: {string.Join(", ", names)}");
        }
        if (subnet.NetworkSecurityGroup is { } nsg)
        {
            lines.Add($"NSG: `{nsg.Value}`");
        }
        return string.Join("\n\n", lines);
    }

    /// <summary>A network named alone (v1.1: peerings, connections, zone links, clients).</summary>
    public static string Network(string name, WorkspaceModel model)
    {
        if (model.FindNetwork(name) is not { } network)
        {
            return $"**`{name}`**: no network of the workspace has this name.";
        }
        var kind = network.IsOnPremises ? "on-premises network" : "network";
        var spaces = string.Join(", ", network.AddressSpace.Select(space => $"`{space.Value}`"));
        return $"**`{name}`** · {kind} ({network.Document.File.Path})" +
            (spaces.Length > 0 ? $"\n\nAddress space: {spaces}" : string.Empty) +
            (network.Subnets.Count > 0 ? $"\n\n{network.Subnets.Count} subnet(s)" : string.Empty);
    }

    public static string Nsg(string name, WorkspaceModel model)
    {
        if (model.FindNsg(name) is not { } nsg)
        {
            return $"**`{name}`**: no network security group of the workspace has this name.";
        }
        var rules = nsg.Rules.Where(rule => rule.Priority is not null).OrderBy(rule => rule.Priority!.Value).Take(12)
            .Select(rule =>
                $"| {rule.Priority?.Value} | {rule.Direction?.Value} | {rule.Access?.Value} | " +
                $"{(rule.Protocol?.Node.Resolved as Syntax.ScalarSyntax)?.Value} | {rule.Source?.Value} | " +
                $"{rule.Destination?.Value} | {string.Join(", ", rule.DestinationPorts.Select(port => port.Value))} |");
        return $"**`{name}`** · network security group ({nsg.Document.File.Path}), {nsg.Rules.Count} rule(s)\n\n" +
            "| priority | direction | access | protocol | source | destination | ports |\n| --- | --- | --- | --- | " +
                "--- | --- | --- |\n" + string.Join("\n", rules);
    }

    public static string Cache(string name, WorkspaceModel model)
    {
        if (model.FindCache(name) is not { } cache)
        {
            return $"**`{name}`**: no cache of the workspace has this name.";
        }
        var parts = new[] { cache.Tier?.Value.ToString(), cache.Size?.Value,
            cache.Region?.Value }.Where(part => part is not null);
        return $"**`{name}`** · cache ({cache.Document.File.Path})\n\n{string.Join(" · ", parts)} " +
            $"{DocumentSymbols.Isolation(cache)}" +
            (cache.GeoRole is { } role ? $"\n\nGeo-replication role: {role.Value.ToString().ToLowerInvariant()}"
                : string.Empty);
    }
}
