using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// The outline of a spec file: networks and their subnets, NSGs and their rules, caches and their isolation.
/// </summary>
public static class DocumentSymbols
{
    public static IReadOnlyList<SpecSymbol> For(SpecFile file) => file.Documents.SelectMany(For).ToArray();

    private static IEnumerable<SpecSymbol> For(SpecDocument document)
    {
        foreach (var network in document.Networks)
        {
            var spaces = string.Join(", ", network.AddressSpace.Select(space => space.Value));
            yield return Symbol(network.Name, network.Syntax, "network", spaces, SymbolCategory.Network,
                network.Subnets.Select(subnet =>
                    Symbol(subnet.Name, subnet.Syntax, "subnet", subnet.AddressPrefix is { } prefix
                    ? $"{prefix.Value} · {prefix.Value.UsableAddresses} usable"
                    : null, SymbolCategory.Subnet, Array.Empty<SpecSymbol>())).ToArray());
        }
        foreach (var nsg in document.NetworkSecurityGroups)
        {
            yield return Symbol(nsg.Name, nsg.Syntax, "network security group", $"{nsg.Rules.Count} rule(s)",
                SymbolCategory.SecurityGroup,
                nsg.Rules.Select(rule => Symbol(rule.Name, rule.Syntax, "rule",
                    $"{rule.Priority?.Value} {rule.Direction?.Value} {rule.Access?.Value}".Trim(),
                        SymbolCategory.SecurityRule, Array.Empty<SpecSymbol>())).ToArray());
        }
        foreach (var cache in document.Caches)
        {
            var children = new List<SpecSymbol>();
            children.AddRange(cache.PrivateEndpoints.Select(endpoint =>
                Symbol(endpoint.Name, endpoint.Syntax, "private endpoint", endpoint.Subnet?.Value,
                    SymbolCategory.PrivateEndpoint, Array.Empty<SpecSymbol>())));
            if (cache.VnetInjection is { } injection)
            {
                var span = injection.Syntax?.Span ?? injection.Key.Span;
                children.Add(new SpecSymbol("vnetInjection", injection.Subnet?.Value, SymbolCategory.VnetInjection,
                    Text.TextSpan.FromBounds(injection.Key.Span.Start, Math.Max(span.End, injection.Key.Span.End)),
                        injection.Key.Span, Array.Empty<SpecSymbol>()));
            }
            children.AddRange(cache.FirewallRules.Select(rule =>
                Symbol(rule.Name, rule.Syntax, "firewall rule", $"{rule.StartIpText?.Value} - {rule.EndIpText?.Value}",
                    SymbolCategory.FirewallRule, Array.Empty<SpecSymbol>())));
            var detail = string.Join(" ",
                new[] { cache.Tier?.Value.ToString(), cache.Size?.Value,
                    Isolation(cache) }.Where(part => !string.IsNullOrEmpty(part)));
            yield return Symbol(cache.Name, cache.Syntax, "cache", detail, SymbolCategory.Cache, children);
        }
    }

    /// <summary>"· Private Link", "· VNet injection", "· firewall", or "· public" for the outline's detail.</summary>
    public static string Isolation(CacheModel cache) => cache switch
    {
        { VnetInjection: not null } => "· VNet injection",
        { HasPrivateEndpoints: true } => "· Private Link",
        { HasFirewallRules: true } => "· firewall rules",
        { PublicNetworkAccess.Value: NetworkAccess.Disabled } => "· no access",
        _ => "· public",
    };

    private static SpecSymbol Symbol(Located<string>? name, MappingSyntax syntax, string fallback, string? detail,
        SymbolCategory category, IReadOnlyList<SpecSymbol> children) =>
        new(name?.Value ?? $"(unnamed {fallback})", string.IsNullOrWhiteSpace(detail) ? null : detail, category,
            syntax.Span, name?.Node.Span ?? syntax.Span, children);
}
