namespace CacheSpec.Tests.Consistency;

/// <summary>
/// One textDocument/didChange: its edits, in order, on one of the sequence's documents. <see cref="Resend"/> sends the
/// previous notification again afterwards, as a confused client might: its version is stale, so the server must not
/// apply it a second time.
/// </summary>
internal sealed record EditNotification(int Target, EditRecipe[] Edits, bool Resend)
{
    public override string ToString() =>
        $"doc {Target}{(Resend ? " (then resent)" : "")}: {string.Join(", ", Edits.Select(edit => edit.ToString()))}";
}
