namespace CacheSpec.Analysis.Text;

/// <summary>A half-open range of UTF-16 code units in a source text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when the offset is inside the span or touches its end (a cursor right after a word).</summary>
    public bool ContainsOrTouches(int offset) => offset >= Start && offset <= End;

    public override string ToString() => $"[{Start}..{End})";
}
