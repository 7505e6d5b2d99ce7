using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

public sealed class MappingSyntax : SyntaxNode
{
    private readonly List<EntrySyntax> entries = new();

    public MappingSyntax(TextSpan span, bool isFlow) : base(span) => IsFlow = isFlow;

    public bool IsFlow { get; }

    public IReadOnlyList<EntrySyntax> Entries => entries;

    public override string KindName => "mapping";

    /// <summary>The first entry with this key (duplicates are reported as syntax errors).</summary>
    public EntrySyntax? Find(string key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].KeyText == key)
            {
                return entries[i];
            }
        }
        return null;
    }

    /// <summary>The value under a key, with aliases resolved; null when the key is absent.</summary>
    public SyntaxNode? Get(string key) => Find(key)?.Value.Resolved;

    internal void Add(EntrySyntax entry) => entries.Add(entry);
}
