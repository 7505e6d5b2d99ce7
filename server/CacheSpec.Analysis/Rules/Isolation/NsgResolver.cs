using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Turns an NSG of the model into evaluable rules, resolving subnet references in sources and destinations.
/// </summary>
internal static class NsgResolver
{
    public static IReadOnlyList<NsgRule> Resolve(NsgModel nsg, WorkspaceModel model) =>
        nsg.Rules.Where(rule => rule.IsEvaluable)
            .Select(rule => new NsgRule(
                rule.Name?.Value ?? "(unnamed)",
                rule.Priority!.Value,
                rule.Direction!.Value,
                rule.Access!.Value,
                rule.Protocol!.Value,
                Selector(rule.Source!.Value, model),
                Selector(rule.Destination!.Value, model),
                rule.DestinationPorts.Count > 0 ? rule.DestinationPorts.Select(port => port.Value).ToArray()
                    : new[] { PortRange.Any },
                rule))
            .ToArray();

    /// <summary>
    /// The sources and destinations of the NSG's evaluable rules that name a subnet ("network/subnet"), the ones
    /// <see cref="Selector"/> looks up.
    /// </summary>
    public static IEnumerable<string> SubnetReferences(NsgModel nsg) =>
        nsg.Rules.Where(rule => rule.IsEvaluable)
            .SelectMany(rule => new[] { rule.Source!.Value, rule.Destination!.Value })
            .Where(IsSubnetReference)
            .Distinct(StringComparer.Ordinal);

    private static bool IsSubnetReference(string text) =>
        text != "*" && !Cidr.TryParse(text, out _) && !Ipv4Address.TryParse(text, out _) && text.Contains('/');

    /// <summary>
    /// Resolves "*", a service tag, a CIDR, an address or a subnet reference; what cannot be resolved matches nothing.
    /// </summary>
    public static AddressSelector Selector(string text, WorkspaceModel model)
    {
        if (text == "*")
        {
            return AddressSelector.Any;
        }
        if (Cidr.TryParse(text, out var cidr))
        {
            return AddressSelector.ForRanges(cidr.Range);
        }
        if (Ipv4Address.TryParse(text, out var address))
        {
            return AddressSelector.ForRanges(new Ipv4Range(address, address));
        }
        if (text.Contains('/'))
        {
            return model.FindSubnet(text)?.AddressPrefix is { } prefix
                ? AddressSelector.ForRanges(prefix.Value.Range)
                : new AddressSelector(false, null, Array.Empty<Ipv4Range>());
        }
        return AddressSelector.ForTag(text);
    }
}
