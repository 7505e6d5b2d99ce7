namespace CacheSpec.Tests.Consistency;

/// <summary>One edit as the client applied it: where, what it removed and what it inserted (enough to undo
/// it).</summary>
internal sealed record AppliedEdit(int Start, string Removed, string Inserted);
