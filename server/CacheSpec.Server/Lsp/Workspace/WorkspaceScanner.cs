using System.Text;
using CacheSpec.Server.Cli;
using CacheSpec.Server.Lsp.Conversion;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>Reads the spec files under the workspace folders: only *.cachespec.yaml / .yml, only UTF-8, no symlinked folders.</summary>
public static class WorkspaceScanner
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<(string Uri, string Text)> Scan(IReadOnlyList<string> folders, Action<string, int> log)
    {
        var existing = folders.Where(Directory.Exists).ToArray();
        var paths = SpecFileFinder.Find(existing, out var error) ?? Array.Empty<string>();
        if (error is not null)
        {
            log(error, 2);
        }
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (TryRead(path, log) is { } text)
            {
                files.Add((LspConverter.ToUri(path), text));
            }
        }
        return files;
    }

    public static string? TryRead(string path, Action<string, int> log)
    {
        try
        {
            return File.ReadAllText(path, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            log($"Skipped {path}: it is not UTF-8 text.", 2);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log($"Skipped {path}: {exception.Message}", 2);
        }
        return null;
    }

    public static bool IsInWorkspace(string path, IReadOnlyList<string> folders)
    {
        var full = Path.GetFullPath(path);
        return folders.Any(folder =>
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            return full.StartsWith(root, StringComparison.Ordinal);
        });
    }
}
