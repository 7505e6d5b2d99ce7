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
    /// <summary>
    /// Finds the spec files under the folders and reads them, on every core; the files come in the finder's order and
    /// the problems are logged in that order, however many cores read them. The load, when given, times the two stages
    /// ("find", "read") and counts the files read.
    /// </summary>
    public static IReadOnlyList<(DocumentUri Uri, string Text)> Scan(IReadOnlyList<string> folders,
        Action<string, MessageType> log, WorkspaceLoad? load = null)
    {
        var existing = folders.Where(Directory.Exists).ToArray();
        var paths = SpecFileFinder.Find(existing, out var error) ?? Array.Empty<string>();
        if (error is not null)
        {
            log(error, MessageType.Warning);
        }
        if (load is not null)
        {
            load.Files = paths.Count;
            load.EndStage("find");
        }
        var read = new (string? Text, string? Problem)[paths.Count];
        Parallel.For(0, paths.Count, index =>
        {
            read[index] = Read(paths[index]);
            load?.FileRead();
        });
        var files = new List<(DocumentUri, string)>(paths.Count);
        for (var index = 0; index < paths.Count; index++)
        {
            if (read[index] is { Text: { } text })
            {
                files.Add((new DocumentUri(FileUri.FromPath(paths[index])), text));
            }
            else
            {
                log(read[index].Problem!, MessageType.Warning);
            }
        }
        load?.EndStage("read");
        return files;
    }

    public static string? TryRead(string path, Action<string, MessageType> log)
    {
        var (text, problem) = Read(path);
        if (problem is not null)
        {
            log(problem, MessageType.Warning);
        }
        return text;
    }

    /// <summary>The text of a spec file, or why it was skipped.</summary>
    private static (string? Text, string? Problem) Read(string path)
    {
        try
        {
            return (SpecTextReader.ReadFound(path), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"Skipped {path}: it is not UTF-8 text.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"Skipped {path}: {exception.Message}");
        }
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
