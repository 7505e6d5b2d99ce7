namespace CacheSpec.Analysis.Features;

/// <summary>Either the edits of a rename, or why it cannot be done.</summary>
public sealed record RenameResult(IReadOnlyList<RenameEdit> Edits, string? Error)
{
    public static RenameResult Refused(string error) => new(Array.Empty<RenameEdit>(), error);
}
