namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// What the editor knows of a spec file: the URI it names it by, the version while it has it open, and whether it does.
/// </summary>
public sealed record EditorState(Protocol.DocumentUri Uri, int? Version, bool IsOpen);
