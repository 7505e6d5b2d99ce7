using CacheSpec.Analysis.Model;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// One spec file as the server knows it: the client's URI, the version when the editor has it open, the parsed file,
/// and whether the server lost an edit to it (<see cref="EditorState.IsOutOfSync"/>).
/// </summary>
public sealed record DocumentState(Protocol.DocumentUri Uri, int? Version, SpecFile File, bool IsOpen,
    bool IsOutOfSync = false);
