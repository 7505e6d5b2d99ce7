using System.Text.Json;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Edge;

/// <summary>
/// LSP terms into engine terms: positions and ranges into offsets and spans (LSP counts UTF-16 code units, as
/// SourceText does, so a column converts one to one; a position past a line's or the text's end clamps), and what
/// initialize says into settings.
/// </summary>
internal static class FromLsp
{
    public static int Offset(SourceText text, Position position) =>
        text.GetOffset(new LinePosition(position.Line, position.Character));

    public static TextSpan Span(SourceText text, Protocol.Range range)
    {
        var start = Offset(text, range.Start);
        var end = Offset(text, range.End);
        return TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }

    /// <summary>
    /// The document (and version, when readable) a didChange is about, read leniently from params that are not valid.
    /// </summary>
    public static (DocumentUri Uri, int? Version)? ChangedDocument(JsonElement parameters)
    {
        var identifier = Member(parameters, "textDocument");
        if (Member(identifier, "uri") is not { ValueKind: JsonValueKind.String } uri || JsonText(uri) is not { } text)
        {
            return null;
        }
        var version = Member(identifier, "version") is { ValueKind: JsonValueKind.Number } number
            && number.TryGetInt32(out var value)
                ? value
                : (int?)null;
        return (new DocumentUri(text), version);
    }

    private static string? JsonText(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The folders the workspace scan reads: workspaceFolders, else rootUri, else the deprecated rootPath.
    /// </summary>
    public static IReadOnlyList<string> Folders(InitializeParams parameters)
    {
        if (parameters.WorkspaceFolders is { Length: > 0 } folders)
        {
            return folders.Select(folder => folder.Uri.Path).OfType<string>().ToArray();
        }
        if (parameters.RootUri?.Path is { } rootPath)
        {
            return new[] { rootPath };
        }
        return parameters.RootPath is { Length: > 0 } path ? new[] { path } : Array.Empty<string>();
    }

    /// <summary>initializationOptions.diagnosticsDelayMs: a wait before diagnostics (none by default).</summary>
    public static TimeSpan? DiagnosticsDelay(InitializeParams parameters) =>
        Option(parameters, "diagnosticsDelayMs") is { ValueKind: JsonValueKind.Number } value
        && value.TryGetInt32(out var milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>
    /// initializationOptions.guidance: the editor's default profile, for specs that name none and have no
    /// cachespec.json saying so.
    /// </summary>
    public static GuidanceProfile? EditorGuidance(InitializeParams parameters) =>
        Option(parameters, "guidance") is { ValueKind: JsonValueKind.String } value
            ? GuidanceProfiles.Parse(value.GetString()) : null;

    public static ClientCapabilities Capabilities(JsonElement? capabilities)
    {
        if (capabilities is not { ValueKind: JsonValueKind.Object } root)
        {
            return ClientCapabilities.None;
        }
        return new ClientCapabilities(
            PullsDiagnostics: Member(root, "textDocument", "diagnostic").ValueKind == JsonValueKind.Object,
            RegistersFileWatchers: Member(root, "workspace", "didChangeWatchedFiles", "dynamicRegistration")
                .ValueKind == JsonValueKind.True,
            CreatesFilesInEdits: Member(root, "workspace", "workspaceEdit", "documentChanges")
                .ValueKind == JsonValueKind.True
                && Member(root, "workspace", "workspaceEdit",
                    "resourceOperations") is { ValueKind: JsonValueKind.Array } operations
                && operations.EnumerateArray()
                    .Any(operation => operation.ValueKind == JsonValueKind.String && operation.ValueEquals("create")),
            ShowsWorkDoneProgress: Member(root, "window", "workDoneProgress").ValueKind == JsonValueKind.True);
    }

    /// <summary>The member at a path of object members; Undefined when any step is missing or not an object.</summary>
    private static JsonElement Member(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }
        return element;
    }

    private static JsonElement Option(InitializeParams parameters, string name) =>
        parameters.InitializationOptions is { } options ? Member(options, name) : default;
}
