namespace CacheSpec.Server.Discovery;

/// <summary>
/// Reads what a path names from the entry itself (lstat): nothing is opened and no symbolic link is followed, so
/// asking never blocks on a pipe nor leads elsewhere.
/// </summary>
public static class DiskEntry
{
    public static (DiskEntryKind Kind, long Length) Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return (DiskEntryKind.SymbolicLink, 0);
            }
            if (info.Exists)
            {
                return info.Length == 0 ? (DiskEntryKind.NoLength, 0) : (DiskEntryKind.RegularFile, info.Length);
            }
            return (Directory.Exists(path) ? DiskEntryKind.Folder : DiskEntryKind.Missing, 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (DiskEntryKind.Missing, 0);
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> lies strictly under <paramref name="folder"/> (both full paths; the folder may
    /// be the root, "/").
    /// </summary>
    public static bool IsUnder(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
