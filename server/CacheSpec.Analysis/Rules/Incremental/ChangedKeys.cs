using System.Text;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>
/// The keys an edit of one file changed: every key an item of the file provides (a name it declares, a subnet it puts
/// a cache or an endpoint into, an NSG its subnets name) whose providing items differ before and after the edit, by
/// text, line, profile or completeness; the names of a kind when the file declares others; the unread text when it
/// differs.
/// </summary>
internal static class ChangedKeys
{
    /// <summary>Adds the keys an edit from <paramref name="before"/> to <paramref name="after"/> changed (either may
    /// be null: a file added or removed).</summary>
    public static void Add(SpecFile? before, SpecFile? after, HashSet<DependencyKey> changed)
    {
        var old = Provided(before);
        var current = Provided(after);
        // An alias reads its anchor wherever it stands: an item's text alone does not tell what it means.
        var anchors = before?.Syntax.HasAnchors == true || after?.Syntax.HasAnchors == true;
        foreach (var (key, stamps) in old)
        {
            if (anchors || !current.TryGetValue(key, out var now) || !SameStamps(stamps, now))
            {
                changed.Add(key);
            }
        }
        foreach (var key in current.Keys)
        {
            if (!old.ContainsKey(key))
            {
                changed.Add(key);
            }
        }
        // The hints search the names of a kind as a list, repeats and order included.
        foreach (var kind in NamedKinds)
        {
            if (!NamesOf(before, kind).SequenceEqual(NamesOf(after, kind), StringComparer.Ordinal))
            {
                changed.Add(new(DependencyKind.NamesOf, kind.ToString()));
            }
        }
        if (Unread(before) != Unread(after))
        {
            changed.Add(new(DependencyKind.UnreadText, string.Empty));
        }
    }

    private static ReadOnlySpan<DependencyKind> NamedKinds =>
    [
        DependencyKind.Network, DependencyKind.Subnet, DependencyKind.Nsg, DependencyKind.Cache,
        DependencyKind.PrivateEndpoint,
    ];

    /// <summary>The names of one kind the file declares, in order, each as often as it is declared.</summary>
    private static IEnumerable<string?> NamesOf(SpecFile? file, DependencyKind kind)
    {
        var documents = file?.Documents ?? [];
        return kind switch
        {
            DependencyKind.Network => documents.SelectMany(d => d.Networks).Select(network => network.Name?.Value),
            DependencyKind.Subnet => documents.SelectMany(d => d.Networks).SelectMany(network => network.Subnets)
                .Select(subnet => subnet.QualifiedName),
            DependencyKind.Nsg => documents.SelectMany(d => d.NetworkSecurityGroups).Select(nsg => nsg.Name?.Value),
            DependencyKind.Cache => documents.SelectMany(d => d.Caches).Select(cache => cache.Name?.Value),
            _ => documents.SelectMany(d => d.Caches).SelectMany(cache => cache.PrivateEndpoints)
                .Select(endpoint => endpoint.Name?.Value),
        };
    }

    private static bool SameStamps(List<string> a, List<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        if (a.Count == 1)
        {
            return a[0] == b[0];
        }
        return a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Every key the file's items provide, each with the stamps of the items that provide it.</summary>
    private static Dictionary<DependencyKey, List<string>> Provided(SpecFile? file)
    {
        var provided = new Dictionary<DependencyKey, List<string>>();
        if (file is null)
        {
            return provided;
        }
        void Add(DependencyKind kind, string? name, string stamp)
        {
            if (name is null)
            {
                return;
            }
            var key = new DependencyKey(kind, name);
            if (!provided.TryGetValue(key, out var stamps))
            {
                provided[key] = stamps = new List<string>(1);
            }
            stamps.Add(stamp);
        }
        foreach (var document in file.Documents)
        {
            foreach (var network in document.Networks)
            {
                var stamp = Stamp(document, network.Syntax);
                Add(DependencyKind.Network, network.Name?.Value, stamp);
                foreach (var subnet in network.Subnets)
                {
                    Add(DependencyKind.Subnet, subnet.QualifiedName, stamp);
                }
            }
            foreach (var nsg in document.NetworkSecurityGroups)
            {
                Add(DependencyKind.Nsg, nsg.Name?.Value, Stamp(document, nsg.Syntax));
            }
            foreach (var zone in document.PrivateDnsZones)
            {
                Add(DependencyKind.PrivateDnsZone, zone.Name?.Value, Stamp(document, zone.Syntax));
            }
            foreach (var cache in document.Caches)
            {
                var stamp = Stamp(document, cache.Syntax);
                Add(DependencyKind.Cache, cache.Name?.Value, stamp);
                Add(DependencyKind.InjectedInto, cache.VnetInjection?.Subnet?.Value, stamp);
                foreach (var endpoint in cache.PrivateEndpoints)
                {
                    Add(DependencyKind.PrivateEndpoint, endpoint.Name?.Value, stamp);
                    Add(DependencyKind.EndpointsIn, endpoint.Subnet?.Value, stamp);
                }
            }
        }
        return provided;
    }

    /// <summary>What other items can see of an item: its text, where it starts (duplicate messages name the line of
    /// the first declaration), its document's profile and whether a syntax error cut it short.</summary>
    private static string Stamp(SpecDocument document, Syntax.SyntaxNode item)
    {
        var text = document.File.Text;
        var line = text.GetLineIndex(item.Span.Start);
        return $"{document.Profile}|{line}|{item.IsCutShort}|{text.Text.AsSpan(item.Span.Start, item.Span.Length)}";
    }

    private static string Unread(SpecFile? file)
    {
        if (file is null || file.Syntax.Unread.Count == 0)
        {
            return string.Empty;
        }
        var text = new StringBuilder();
        foreach (var span in file.Syntax.Unread)
        {
            text.Append(file.Text.Text.AsSpan(span.Start, span.Length)).Append('\0');
        }
        return text.ToString();
    }
}
