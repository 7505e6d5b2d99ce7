using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Names are unique per kind: networks, NSGs, caches, private endpoints and (v1.1) private DNS zones across the whole
/// workspace; subnets within their network; NSG rules within their group; routes within their subnet; firewall rules
/// and (v1.1) clients within their cache.
/// </summary>
public sealed class DuplicateNameRule : Rule
{
    /// <summary>
    /// Up to this many names, a scope is searched pairwise: cheaper than building a table, and most scopes hold a
    /// handful.
    /// </summary>
    private const int PairwiseLimit = 8;

    public override string Id => "duplicate-name";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Model;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "Two networks, subnets, NSGs, caches, rules, endpoints, zones or clients share a name.";

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        // Workspace-wide names: each declaration is checked against the first of its name in the whole model, so a
        // declaration is judged the same whether or not the first one is checked in this analysis.
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            context.Unit = network;
            CheckFirst(context, network.Document, network.Name, network, model.FindNetwork, first => first.Document,
                first => first.Name, "network");
        }
        foreach (var nsg in context.NetworkSecurityGroups)
        {
            context.Checkpoint();
            context.Unit = nsg;
            CheckFirst(context, nsg.Document, nsg.Name, nsg, model.FindNsg, first => first.Document,
                first => first.Name, "network security group");
        }
        foreach (var cache in context.Caches)
        {
            context.Checkpoint();
            context.Unit = cache;
            CheckFirst(context, cache.Document, cache.Name, cache, model.FindCache, first => first.Document,
                first => first.Name, "cache");
            foreach (var endpoint in cache.PrivateEndpoints)
            {
                context.Checkpoint();
                CheckFirst(context, cache.Document, endpoint.Name, endpoint, model.FindPrivateEndpoint,
                    first => first.Cache.Document, first => first.Name, "private endpoint");
            }
        }
        foreach (var zone in context.PrivateDnsZones)
        {
            context.Checkpoint();
            context.Unit = zone;
            CheckFirst(context, zone.Document, zone.Name, zone, model.FindPrivateDnsZone, first => first.Document,
                first => first.Name, "private DNS zone");
        }
        // Names unique within one item: one list, filled with a scope's names and emptied for the next.
        var names = new List<(SpecDocument Document, Located<string> Name)>();
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            context.Unit = network;
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                foreach (var route in subnet.Routes)
                {
                    context.Checkpoint();
                    Add(names, network.Document, route.Name);
                }
                Check(context, names, "route", subnet);
            }
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                Add(names, network.Document, subnet.Name);
            }
            Check(context, names, "subnet", network);
        }
        foreach (var nsg in context.NetworkSecurityGroups)
        {
            context.Checkpoint();
            context.Unit = nsg;
            foreach (var rule in nsg.Rules)
            {
                context.Checkpoint();
                Add(names, nsg.Document, rule.Name);
            }
            Check(context, names, "security rule", nsg);
        }
        foreach (var cache in context.Caches)
        {
            context.Checkpoint();
            context.Unit = cache;
            foreach (var rule in cache.FirewallRules)
            {
                context.Checkpoint();
                Add(names, cache.Document, rule.Name);
            }
            Check(context, names, "firewall rule", cache);
            foreach (var client in cache.Clients)
            {
                context.Checkpoint();
                Add(names, cache.Document, client.Name);
            }
            Check(context, names, "client", cache);
        }
    }

    /// <summary>
    /// Reports a workspace-wide name whose first declaration in the whole model is another one, so a declaration is
    /// judged the same whether or not the first one is checked in this analysis.
    /// </summary>
    private static void CheckFirst<T>(RuleContext context, SpecDocument document, Located<string>? name, T item,
        Func<string, T?> findFirst, Func<T, SpecDocument> documentOf, Func<T, Located<string>?> nameOf, string kind)
        where T : class
    {
        if (name is not null && findFirst(name.Value) is { } first && first != item)
        {
            Report(context, (documentOf(first), nameOf(first)!), (document, name), kind, scope: null);
        }
    }

    private static void Add(List<(SpecDocument, Located<string>)> names, SpecDocument document, Located<string>? name)
    {
        if (name is not null)
        {
            names.Add((document, name));
        }
    }

    /// <summary>Reports every name that repeats an earlier one of the list, then empties the list.</summary>
    private static void Check(RuleContext context, List<(SpecDocument Document, Located<string> Name)> names,
        string kind, object? scope)
    {
        if (names.Count <= PairwiseLimit)
        {
            for (var index = 1; index < names.Count; index++)
            {
                for (var earlier = 0; earlier < index; earlier++)
                {
                    if (string.Equals(names[earlier].Name.Value, names[index].Name.Value, StringComparison.Ordinal))
                    {
                        Report(context, names[earlier], names[index], kind, scope);
                        break;
                    }
                }
            }
        }
        else
        {
            var first = new Dictionary<string, (SpecDocument Document, Located<string> Name)>(names.Count,
                StringComparer.Ordinal);
            foreach (var entry in names)
            {
                context.Checkpoint();
                if (first.TryGetValue(entry.Name.Value, out var original))
                {
                    Report(context, original, entry, kind, scope);
                }
                else
                {
                    first[entry.Name.Value] = entry;
                }
            }
        }
        names.Clear();
    }

    private static void Report(RuleContext context, (SpecDocument Document, Located<string> Name) original,
        (SpecDocument Document, Located<string> Name) repeated,
        string kind, object? scope)
    {
        var where = original.Document.File.Text.GetPosition(original.Name.Node.Span.Start);
        var location = original.Document.File == repeated.Document.File ? $"line {where.Line + 1}"
            : $"{original.Document.File.Path}:{where.Line + 1}";
        context.Report(repeated.Document, repeated.Name.Node,
            $"The {kind} name '{repeated.Name.Value}' is already used{ScopeText(scope)} at {location}.");
    }

    private static string ScopeText(object? scope) => scope switch
    {
        NetworkModel network => $" in network '{network.Name?.Value}'",
        SubnetModel subnet => $" in subnet '{subnet.QualifiedName}'",
        NsgModel nsg => $" in network security group '{nsg.Name?.Value}'",
        CacheModel cache => $" in cache '{cache.DisplayName}'",
        _ => "",
    };
}
