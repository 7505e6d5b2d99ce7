using System.Text.Json;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp;

/// <summary>What initialize told the server, fixed for the rest of the connection.</summary>
/// <param name="Capabilities">What the client can do, of what the server asks.</param>
/// <param name="Folders">The folders the workspace scan reads (file-system paths).</param>
/// <param name="EditorGuidance">The editor's default guidance profile; a spec's own key and cachespec.json come
/// first.</param>
/// <param name="WorkDoneToken">The token the client gave for progress of the initialization, if any.</param>
public sealed record Session(
    ClientCapabilities Capabilities,
    IReadOnlyList<string> Folders,
    GuidanceProfile? EditorGuidance,
    JsonElement? WorkDoneToken)
{
    public static Session None { get; } = new(ClientCapabilities.None, Array.Empty<string>(), null, null);
}
