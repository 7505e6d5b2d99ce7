using System.Text;
using CacheSpec.Server.Discovery;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Reads the spec files under the workspace folders: only *.cachespec.yaml / .yml, only regular files (never a pipe or
/// a device), only UTF-8, never through a symbolic link, and at most as much of a file as the engine analyses.
/// </summary>
public static class WorkspaceScanner
{
    public static IReadOnlyList<(DocumentUri Uri, string Text)> Scan(IReadOnlyList<string> folders,
        Action<string, MessageType> log)
    {
        var existing = folders.Where(Directory.Exists).ToArray();
        var paths = SpecFileFinder.Find(existing, out var error) ?? Array.Empty<string>();
        if (error is not null)
        {
            log(error, MessageType.Warning);
        }
        var files = new List<(DocumentUri, string)>();
        foreach (var path in paths)
        {
            if (TryRead(path, log) is { } text)
            {
                files.Add((new DocumentUri(FileUri.FromPath(path)), text));
            }
        }
        return files;
    }

    public static string? TryRead(string path, Action<string, MessageType> log)
    {
        try
        {
            return SpecTextReader.ReadFound(path);
        }
        catch (DecoderFallbackException)
        {
            log($"Skipped {path}: it is not UTF-8 text.", MessageType.Warning);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log($"Skipped {path}: {exception.Message}", MessageType.Warning);
        }
        return null;
    }

    /// <summary>
    /// True when the path lies under a workspace folder and reaches it through no symbolic link (neither the file nor a
    /// folder between it and the workspace folder is one), as the folder walk does: a watched-file event or a close
    /// never reads a file outside.
    /// </summary>
    public static bool IsInWorkspace(string path, IReadOnlyList<string> folders)
    {
        var full = Path.GetFullPath(path);
        foreach (var folder in folders)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            if (DiskEntry.IsUnder(full, root))
            {
                return !PassesThroughLink(full, root);
            }
        }
        return false;
    }

    private static bool PassesThroughLink(string path, string root)
    {
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return true;
            }
            for (var folder = Path.GetDirectoryName(path); folder is not null
                && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
            {
                if (new DirectoryInfo(folder).LinkTarget is not null)
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
