namespace CacheSpec.Tests.Consistency;

/// <summary>
/// An edit in abstract terms, resolved against the text as it is when the edit happens: <see cref="Where"/> picks a
/// place (mostly a structural one: a line start, an indentation, a list marker, a value, a comment, a document
/// separator), <see cref="Size"/> a length and <see cref="Pick"/> a fragment or variant. Small numbers make small
/// edits, so CsCheck shrinks failures to short stories.
/// </summary>
internal sealed record EditRecipe(EditKind Kind, int Where, int Size, int Pick)
{
    public override string ToString() => $"{Kind}({Where},{Size},{Pick})";
}
