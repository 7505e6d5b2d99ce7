namespace CacheSpec.Server.Discovery;

/// <summary>
/// Expands the command line's paths into spec files: a file stands for itself, a folder for every *.cachespec.yaml /
/// .yml under it. Paths keep the form they were given in, joined with the file's path inside a given folder. Symbolic
/// links met inside a folder, to files or to folders, are not followed: a link could lead out of the folder (to a
/// secret, a device that never ends) or in a loop.
/// </summary>
public static class SpecFileFinder
{
    public static bool IsSpecFile(string path) =>
        path.EndsWith(".cachespec.yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".cachespec.yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the files in a stable order, or null and a one-line reason when a path does not exist.
    /// </summary>
    public static IReadOnlyList<string>? Find(IEnumerable<string> paths, out string? error) =>
        Find(paths, out error, unreadable: null);

    /// <summary>
    /// As <see cref="Find(IEnumerable{string}, out string?)"/>; each folder that cannot be listed is skipped and
    /// described in <paramref name="unreadable"/>.
    /// </summary>
    public static IReadOnlyList<string>? Find(IEnumerable<string> paths, out string? error,
        ICollection<string>? unreadable)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        error = null;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    files.Add(path);
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, unreadable))
                {
                    if (seen.Add(Path.GetFullPath(file)))
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                error = $"'{path}' does not exist";
                return null;
            }
        }
        return files;
    }

    private static List<string> Walk(string folder, ICollection<string>? unreadable)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(current).ToArray();
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                unreadable?.Add($"cannot read the folder '{current}', so it is not checked: {exception.Message}");
                continue;
            }
            foreach (var entry in entries)
            {
                var info = new FileInfo(entry);
                if (IsLinkOrGone(info))
                {
                    continue;
                }
                if (info.Attributes.HasFlag(FileAttributes.Directory))
                {
                    if (Path.GetFileName(entry) is not (".git" or "node_modules" or "bin" or "obj"))
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsSpecFile(entry))
                {
                    found.Add(entry);
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>True for a symbolic link, and for an entry removed since the folder was listed.</summary>
    private static bool IsLinkOrGone(FileInfo info)
    {
        try
        {
            return info.LinkTarget is not null || !(info.Exists || Directory.Exists(info.FullName));
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return true;
        }
    }
}
