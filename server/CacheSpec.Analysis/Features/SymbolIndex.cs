using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Every declaration and reference of the workspace's named things, across files: the ground for go to definition, find
/// references, rename, highlight and workspace symbols. A symbol's key is its kind and name ("subnet:hub/redis").
/// </summary>
public sealed class SymbolIndex
{
    private readonly List<Occurrence> occurrences = new();

    public SymbolIndex(WorkspaceModel model)
    {
        Model = model;
        foreach (var network in model.Networks)
        {
            var file = network.Document.File;
            Declare(NamedKind.Network, network.Name, file, network.Name?.Value);
            foreach (var subnet in network.Subnets)
            {
                Declare(NamedKind.Subnet, subnet.Name, file, subnet.QualifiedName);
                if (subnet.NetworkSecurityGroup is { } nsg)
                {
                    Add(NamedKind.SecurityGroup, nsg.Value, file, nsg.Node, isDeclaration: false);
                }
            }
            foreach (var peer in network.Peerings.Select(peering => peering.Network).Concat(network.ConnectedTo))
            {
                AddNetworkReference(peer, file);
            }
        }
        foreach (var zone in model.PrivateDnsZones)
        {
            foreach (var link in zone.VirtualNetworkLinks)
            {
                AddNetworkReference(link, zone.Document.File);
            }
        }
        foreach (var nsg in model.NetworkSecurityGroups)
        {
            Declare(NamedKind.SecurityGroup, nsg.Name, nsg.Document.File, nsg.Name?.Value);
            foreach (var rule in nsg.Rules)
            {
                foreach (var address in new[] { rule.Source, rule.Destination })
                {
                    if (address is not null && AddressText.LooksLikeSubnetReference(address.Value))
                    {
                        AddSubnetReference(address, nsg.Document.File);
                    }
                }
            }
        }
        foreach (var cache in model.Caches)
        {
            var file = cache.Document.File;
            Declare(NamedKind.Cache, cache.Name, file, cache.Name?.Value);
            foreach (var endpoint in cache.PrivateEndpoints)
            {
                Declare(NamedKind.PrivateEndpoint, endpoint.Name, file, endpoint.Name?.Value);
                if (endpoint.Subnet is { } subnet)
                {
                    AddSubnetReference(subnet, file);
                }
            }
            if (cache.VnetInjection?.Subnet is { } injected)
            {
                AddSubnetReference(injected, file);
            }
            if (cache.LinkedCache is { } linked)
            {
                Add(NamedKind.Cache, linked.Value, file, linked.Node, isDeclaration: false);
            }
            foreach (var client in cache.Clients.Where(client => client.FromIsReference))
            {
                if (client.From!.Value.Contains('/'))
                {
                    AddSubnetReference(client.From, file);
                }
                else
                {
                    AddNetworkReference(client.From, file);
                }
            }
        }
    }

    public WorkspaceModel Model { get; }

    public IReadOnlyList<Occurrence> All => occurrences;

    public static string KeyOf(NamedKind kind, string name) => $"{kind}:{name}";

    /// <summary>
    /// The occurrence whose name text holds the offset (the innermost: "redis" of "hub/redis" over the reference as a
    /// whole).
    /// </summary>
    public Occurrence? At(SpecFile file, int offset) =>
        occurrences.Where(occurrence => occurrence.File == file && occurrence.Span.ContainsOrTouches(offset))
            .MinBy(occurrence => occurrence.Span.Length);

    public IEnumerable<Occurrence> Declarations(string key) =>
        occurrences.Where(occurrence => occurrence.Key == key && occurrence.IsDeclaration);

    public IEnumerable<Occurrence> OccurrencesOf(string key) => occurrences.Where(occurrence => occurrence.Key == key);

    public IEnumerable<Occurrence> DeclarationsMatching(string query) =>
        occurrences.Where(occurrence =>
            occurrence.IsDeclaration
            && (query.Length == 0 || occurrence.Name.Contains(query, StringComparison.OrdinalIgnoreCase)));

    private void Declare(NamedKind kind, Located<string>? name, SpecFile file, string? fullName)
    {
        if (name is not null && fullName is not null)
        {
            occurrences.Add(new Occurrence(kind, KeyOf(kind, fullName), fullName, file, name.Node.Span, true));
        }
    }

    private void Add(NamedKind kind, string name, SpecFile file, SyntaxNode node, bool isDeclaration) =>
        occurrences.Add(
            new Occurrence(kind, KeyOf(kind, name), name, file, ValueSpan(file, node, name), isDeclaration));

    /// <summary>A network named alone (v1.1: peerings, connections, zone links, clients).</summary>
    private void AddNetworkReference(Located<string>? reference, SpecFile file)
    {
        if (reference is not null)
        {
            Add(NamedKind.Network, reference.Value, file, reference.Node, isDeclaration: false);
        }
    }

    /// <summary>
    /// "hub/redis" refers to the network "hub" (its first part) and the subnet "hub/redis" (its second part).
    /// </summary>
    private void AddSubnetReference(Located<string> reference, SpecFile file)
    {
        var slash = reference.Value.IndexOf('/');
        if (slash <= 0)
        {
            return;
        }
        var whole = ValueSpan(file, reference.Node, reference.Value);
        var network = reference.Value[..slash];
        occurrences.Add(
            new Occurrence(NamedKind.Network, KeyOf(NamedKind.Network, network), network, file,
                new TextSpan(whole.Start, slash), false));
        occurrences.Add(
            new Occurrence(NamedKind.Subnet, KeyOf(NamedKind.Subnet, reference.Value), reference.Value, file,
            TextSpan.FromBounds(whole.Start + slash + 1, whole.End), false));
    }

    /// <summary>
    /// The span of a scalar's text without its quotes (a quoted "hub/redis" starts one character in).
    /// </summary>
    private static TextSpan ValueSpan(SpecFile file, SyntaxNode node, string value)
    {
        var span = node.Span;
        var text = file.Text.GetText(span);
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? span : new TextSpan(span.Start + at, value.Length);
    }
}
