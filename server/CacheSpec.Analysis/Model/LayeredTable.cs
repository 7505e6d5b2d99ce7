namespace CacheSpec.Analysis.Model;

/// <summary>
/// An immutable table that a small change copies cheaply: a large base shared with the tables it was made from, and a
/// small layer of what changed since (a null value marks a key removed). Once the layer grows past an eighth of the
/// base, the next table is made whole again, so a lookup costs at most two dictionary lookups and a change costs what
/// it changes, amortised, not what the table holds.
/// </summary>
internal sealed class LayeredTable<TKey, TValue> where TKey : notnull where TValue : class
{
    private readonly Dictionary<TKey, TValue> below;
    private readonly Dictionary<TKey, TValue?> layer;

    public LayeredTable(Dictionary<TKey, TValue> whole)
    {
        below = whole;
        layer = new Dictionary<TKey, TValue?>(whole.Comparer);
    }

    private LayeredTable(Dictionary<TKey, TValue> below, Dictionary<TKey, TValue?> layer)
    {
        this.below = below;
        this.layer = layer;
    }

    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (layer.TryGetValue(key, out var changed))
        {
            value = changed!;
            return changed is not null;
        }
        return below.TryGetValue(key, out value);
    }

    public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out var value) ? value : null;

    /// <summary>Changes to this table, read through, and made into a new table at the end.</summary>
    public sealed class Edits(LayeredTable<TKey, TValue> table)
    {
        private readonly Dictionary<TKey, TValue?> changes = new(table.layer.Comparer);

        public TValue? this[TKey key]
        {
            get => changes.TryGetValue(key, out var value) ? value : table.GetValueOrDefault(key);
            set => changes[key] = value;
        }

        public LayeredTable<TKey, TValue> Apply() => changes.Count == 0 ? table : table.With(changes);
    }

    /// <summary>Every key with its value, the base's first (in its order), then the layer's.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries =>
        below.Where(pair => !layer.ContainsKey(pair.Key))
            .Concat(layer.Where(pair => pair.Value is not null)
                .Select(pair => new KeyValuePair<TKey, TValue>(pair.Key, pair.Value!)));

    /// <summary>A table with some keys set (a null value removes the key), leaving this one as it is.</summary>
    public LayeredTable<TKey, TValue> With(IEnumerable<KeyValuePair<TKey, TValue?>> changes)
    {
        var next = new Dictionary<TKey, TValue?>(layer, layer.Comparer);
        foreach (var (key, value) in changes)
        {
            if (value is null && !below.ContainsKey(key))
            {
                next.Remove(key);
            }
            else
            {
                next[key] = value;
            }
        }
        if (next.Count <= below.Count / 8 + 64)
        {
            return new LayeredTable<TKey, TValue>(below, next);
        }
        var whole = new Dictionary<TKey, TValue>(below, below.Comparer);
        foreach (var (key, value) in next)
        {
            if (value is null)
            {
                whole.Remove(key);
            }
            else
            {
                whole[key] = value;
            }
        }
        return new LayeredTable<TKey, TValue>(whole);
    }
}
