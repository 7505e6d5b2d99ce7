namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// What the editor knows of a spec file: the URI it names it by, the version while it has it open, and whether it does.
/// A document is out of sync when an edit to it could not be read: the server's text is older than the editor's until a
/// change sends the whole text again.
/// </summary>
public sealed record EditorState(Protocol.DocumentUri Uri, int? Version, bool IsOpen, bool IsOutOfSync = false);
