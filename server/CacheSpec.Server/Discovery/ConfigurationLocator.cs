using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Server.Discovery;

/// <summary>
/// Finds the cachespec.json that governs a spec (in its folder or the nearest one above it, up to the lookup's top:
/// see <see cref="LookupTop"/>) and reads it, remembering what it found and read until told to forget (the language
/// server forgets when a cachespec.json changes). Problems in a file are kept with it for the host to report. A
/// cachespec.json found this way is read only if it is a regular file within the size bound
/// (<see cref="ConfigurationFile.ReadFound"/>); one given explicitly (check --config) is read wherever it points.
/// </summary>
public sealed class ConfigurationLocator
{
    private readonly object gate = new();
    private readonly Dictionary<(string Folder, string Top), string?> fileByFolder = new();
    private readonly Dictionary<string, (RuleConfiguration Configuration, IReadOnlyList<string> Problems)> loaded = new(
        StringComparer.Ordinal);

    /// <summary>
    /// The path of the cachespec.json for a spec file, or null when none stands above it up to the top.
    /// </summary>
    public string? FindFor(string specPath, string top)
    {
        var key = (Path.GetDirectoryName(Path.GetFullPath(specPath))!, top);
        lock (gate)
        {
            if (!fileByFolder.TryGetValue(key, out var found))
            {
                fileByFolder[key] = found = FindOnDisk(specPath, top);
            }
            return found;
        }
    }

    /// <summary>
    /// The path of the cachespec.json for a spec file as the disk is now (no remembered lookups), or null. Anything by
    /// that name but a folder counts as found, so that a link or a pipe hides no file above it.
    /// </summary>
    public static string? FindOnDisk(string specPath, string top) =>
        FoldersToSearch(specPath, top)
            .Select(folder => Path.Combine(folder, RuleConfiguration.FileName))
            .FirstOrDefault(candidate => DiskEntry.Of(candidate).Kind is not (DiskEntryKind.Missing
                or DiskEntryKind.Folder));

    /// <summary>
    /// The configuration for a spec file (empty when there is none), with the problems of the file it came from.
    /// </summary>
    public (RuleConfiguration Configuration, string? Path, IReadOnlyList<string> Problems) For(string specPath,
        string top)
    {
        if (FindFor(specPath, top) is not { } path)
        {
            return (RuleConfiguration.Empty, null, Array.Empty<string>());
        }
        lock (gate)
        {
            if (!loaded.TryGetValue(path, out var result))
            {
                loaded[path] = result = Parse(ConfigurationFile.ReadFound(path));
            }
            return (result.Configuration, path, result.Problems);
        }
    }

    /// <summary>Reads and parses a configuration the user named (check --config), wherever it points.</summary>
    public static (RuleConfiguration Configuration, IReadOnlyList<string> Problems) LoadGiven(string path) =>
        Parse(ConfigurationFile.ReadGiven(path));

    /// <summary>
    /// Forgets every file found and read, so the next lookups see cachespec.json files as they are now.
    /// </summary>
    public void Forget()
    {
        lock (gate)
        {
            fileByFolder.Clear();
            loaded.Clear();
        }
    }

    private static (RuleConfiguration Configuration, IReadOnlyList<string> Problems) Parse(
        (string? Text, string? Problem) read)
    {
        if (read.Text is not { } text)
        {
            return (RuleConfiguration.Empty, new[] { read.Problem! });
        }
        var configuration = RuleCatalog.ParseConfiguration(text, out var problems);
        return (configuration, problems);
    }

    /// <summary>
    /// The spec's folder and those above it up to the top, nearest first, leaving out a folder that is a symbolic link
    /// below the top and every folder reached through it: their cachespec.json lies elsewhere.
    /// </summary>
    private static IEnumerable<string> FoldersToSearch(string specPath, string top)
    {
        var start = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        var last = Path.TrimEndingDirectorySeparator(Path.GetFullPath(top));
        if (start != last && !DiskEntry.IsUnder(start, last))
        {
            return new[] { start };
        }
        var chain = new List<string>();
        for (var folder = start; folder is not null && folder.Length >= last.Length; folder =
            Path.GetDirectoryName(folder))
        {
            chain.Add(folder);
        }
        var linked = chain.FindLastIndex(folder => folder != last && IsLink(folder));
        return chain.Skip(linked + 1);
    }

    private static bool IsLink(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).LinkTarget is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
