using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

public sealed class MappingSyntax : SyntaxNode
{
    /// <summary>From this many entries on, keys are looked up in an index instead of one by one.</summary>
    private const int IndexedFrom = 16;

    private readonly List<EntrySyntax> entries = new();

    /// <summary>
    /// The first entry of each key, built at the first lookup of a large mapping. A mapping is complete before anyone
    /// reads it; two threads may both build it, and either copy is right.
    /// </summary>
    private Dictionary<string, EntrySyntax>? index;

    public MappingSyntax(TextSpan span, bool isFlow) : base(span) => IsFlow = isFlow;

    public bool IsFlow { get; }

    public IReadOnlyList<EntrySyntax> Entries => entries;

    public override string KindName => "mapping";

    /// <summary>The first entry with this key (duplicates are reported as syntax errors).</summary>
    public EntrySyntax? Find(string key) => Find(key, meter: null);

    /// <summary>The same, counting the entries compared on a meter.</summary>
    public EntrySyntax? Find(string key, WorkMeter? meter)
    {
        if (entries.Count >= IndexedFrom)
        {
            meter?.Add(1);
            return (Volatile.Read(ref index) ?? BuildIndex()).GetValueOrDefault(key);
        }
        for (var i = 0; i < entries.Count; i++)
        {
            meter?.Add(1);
            if (entries[i].KeyText == key)
            {
                return entries[i];
            }
        }
        return null;
    }

    /// <summary>The value under a key, with aliases resolved; null when the key is absent.</summary>
    public SyntaxNode? Get(string key) => Find(key)?.Value.Resolved;

    internal void Add(EntrySyntax entry)
    {
        entries.Add(entry);
        index = null;
    }

    private Dictionary<string, EntrySyntax> BuildIndex()
    {
        var built = new Dictionary<string, EntrySyntax>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.KeyText is { } key)
            {
                built.TryAdd(key, entry);
            }
        }
        Volatile.Write(ref index, built);
        return built;
    }
}
