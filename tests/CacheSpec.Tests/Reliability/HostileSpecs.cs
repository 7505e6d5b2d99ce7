using System.Text;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>Builds the large and hostile inputs of the reliability tests in memory.</summary>
public static class HostileSpecs
{
    /// <summary>A valid spec of block-style caches (about 300 characters each), each with its firewall rule: no finding
    /// but their names.</summary>
    public static string Caches(int count)
    {
        var text = new StringBuilder(Specs.Header).Append("caches:\n");
        for (var i = 0; i < count; i++)
        {
            AppendCache(text, i);
        }
        return text.ToString();
    }

    /// <summary>A valid spec of block-style caches at least the given number of characters long.</summary>
    public static string CachesOfLength(int length)
    {
        var text = new StringBuilder(Specs.Header).Append("caches:\n");
        for (var i = 0; text.Length < length; i++)
        {
            AppendCache(text, i);
        }
        return text.ToString();
    }

    /// <summary>Block mappings each indented one space deeper than the one before: "k0:\n k1:\n  k2:" and so
    /// on.</summary>
    public static string NestedBlockMappings(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', i).Append('k').Append(i).Append(":\n");
        }
        return text.ToString();
    }

    /// <summary>The deepest nesting of mappings and lists in the trees built (aliases are not followed: they share
    /// their anchor's node).</summary>
    public static int Depth(SyntaxTree tree)
    {
        var deepest = 0;
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        foreach (var document in tree.Documents.Where(document => document.Root is not null))
        {
            pending.Push((document.Root!, 1));
        }
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            switch (node)
            {
                case MappingSyntax mapping:
                    deepest = Math.Max(deepest, depth);
                    foreach (var entry in mapping.Entries)
                    {
                        pending.Push((entry.Key, depth + 1));
                        pending.Push((entry.Value, depth + 1));
                    }
                    break;
                case SequenceSyntax sequence:
                    deepest = Math.Max(deepest, depth);
                    foreach (var item in sequence.Items)
                    {
                        pending.Push((item, depth + 1));
                    }
                    break;
            }
        }
        return deepest;
    }

    private static void AppendCache(StringBuilder text, int index) => text
        .Append("  - name: cache-").Append(index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .Append('\n')
        .Append("    tier: Standard\n    size: C1\n    region: westeurope\n")
        .Append("    tls:\n      minimumVersion: \"1.2\"\n      nonSslPort: false\n")
        .Append("    isolation:\n      publicNetworkAccess: Enabled\n      firewallRules:\n")
        .Append("        - name: office\n          startIp: 198.51.100.0\n          endIp: 198.51.100.63\n");
}
