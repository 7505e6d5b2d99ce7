using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Names are unique per kind: networks, NSGs, caches and private endpoints across the whole workspace;
/// subnets within their network; NSG rules within their group; routes within their subnet; firewall rules within their cache.
/// </summary>
public sealed class DuplicateNameRule : Rule
{
    public override string Id => "duplicate-name";
    public override RuleCategory Category => RuleCategory.Structure;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "Two networks, subnets, NSGs, caches, rules or endpoints share a name.";

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        Check(context, "network", model.Networks.Select(network => (network.Document, network.Name)));
        Check(context, "network security group", model.NetworkSecurityGroups.Select(nsg => (nsg.Document, nsg.Name)));
        Check(context, "cache", model.Caches.Select(cache => (cache.Document, cache.Name)));
        Check(context, "private endpoint", model.Caches.SelectMany(cache => cache.PrivateEndpoints.Select(endpoint => (cache.Document, endpoint.Name))));
        foreach (var network in model.Networks)
        {
            Check(context, "subnet", network.Subnets.Select(subnet => (network.Document, subnet.Name)), () => $" in network '{network.Name?.Value}'");
            foreach (var subnet in network.Subnets)
            {
                if (subnet.Routes.Count > 1)
                {
                    Check(context, "route", subnet.Routes.Select(route => (network.Document, route.Name)), () => $" in subnet '{subnet.QualifiedName}'");
                }
            }
        }
        foreach (var nsg in model.NetworkSecurityGroups)
        {
            Check(context, "security rule", nsg.Rules.Select(rule => (nsg.Document, rule.Name)), () => $" in network security group '{nsg.Name?.Value}'");
        }
        foreach (var cache in model.Caches)
        {
            // Most caches have one firewall rule or none: nothing can repeat there, so no lookup table is built.
            if (cache.FirewallRules.Count > 1)
            {
                Check(context, "firewall rule", cache.FirewallRules.Select(rule => (cache.Document, rule.Name)), () => $" in cache '{cache.DisplayName}'");
            }
        }
    }

    private static void Check(RuleContext context, string kind, IEnumerable<(SpecDocument Document, Located<string>? Name)> names, Func<string>? scope = null)
    {
        var first = new Dictionary<string, (SpecDocument Document, Located<string> Name)>(StringComparer.Ordinal);
        foreach (var (document, name) in names)
        {
            if (name is null)
            {
                continue;
            }
            if (first.TryGetValue(name.Value, out var original))
            {
                var where = original.Document.File.Text.GetPosition(original.Name.Node.Span.Start);
                var location = original.Document.File == document.File ? $"line {where.Line + 1}" : $"{original.Document.File.Path}:{where.Line + 1}";
                context.Report(document, name.Node, $"The {kind} name '{name.Value}' is already used{scope?.Invoke()} at {location}.");
            }
            else
            {
                first[name.Value] = (document, name);
            }
        }
    }
}
