namespace CacheSpec.Server.Discovery;

/// <summary>
/// The highest folder the lookup of a spec's cachespec.json climbs to: whoever can write above it (another user of a
/// shared machine, in a temporary folder) must not configure the spec.
/// </summary>
public static class LookupTop
{
    /// <summary>In the server: the innermost workspace folder holding the spec, else the spec's own folder.</summary>
    public static string InWorkspace(string specPath, IReadOnlyList<string> folders)
    {
        var full = Path.GetFullPath(specPath);
        return folders.Select(folder => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))
            .Where(folder => DiskEntry.IsUnder(full, folder))
            .MaxBy(folder => folder.Length) ?? Path.GetDirectoryName(full)!;
    }

    /// <summary>
    /// In check: the nearest folder above the spec that holds .git (the repository), else the path given on the
    /// command line that led to the spec (a folder, or the folder of a file).
    /// </summary>
    public static string ForCheck(string specPath, IReadOnlyList<string> givenPaths)
    {
        var full = Path.GetFullPath(specPath);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (DiskEntry.Of(Path.Combine(folder, ".git")).Kind != DiskEntryKind.Missing)
            {
                return folder;
            }
        }
        var given = givenPaths.Select(Path.GetFullPath).FirstOrDefault(path => DiskEntry.IsUnder(full, path));
        return given ?? Path.GetDirectoryName(full)!;
    }
}
