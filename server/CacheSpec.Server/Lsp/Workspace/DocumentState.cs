using CacheSpec.Analysis.Model;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// One spec file as the server knows it: the client's URI, the version when the editor has it open, and the parsed
/// file.
/// </summary>
public sealed record DocumentState(Protocol.DocumentUri Uri, int? Version, SpecFile File, bool IsOpen);
