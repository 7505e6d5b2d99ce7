using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Server.Discovery;

/// <summary>
/// Finds the cachespec.json that governs a spec (in its folder or the nearest ancestor) and reads it, remembering what
/// it read until told to forget (the language server forgets when a cachespec.json changes). Problems in a file are
/// kept with it for the host to report. A cachespec.json found this way that is a symbolic link is not read: it could
/// name any file of the machine, whose keys the problems would then echo. One given explicitly (check --config) is read
/// wherever it points.
/// </summary>
public sealed class ConfigurationLocator
{
    private readonly object gate = new();
    private readonly Dictionary<string, string?> fileByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RuleConfiguration Configuration, IReadOnlyList<string> Problems)> loaded = new(
        StringComparer.Ordinal);
    /// <summary>
    /// Whether each file found is a symbolic link, remembered like the rest: the language server asks on every
    /// keystroke.
    /// </summary>
    private readonly Dictionary<string, bool> linkByPath = new(StringComparer.Ordinal);

    /// <summary>The path of the cachespec.json for a spec file, or null when none stands above it.</summary>
    public string? FindFor(string specPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(specPath));
        lock (gate)
        {
            var visited = new List<string>();
            string? found = null;
            for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
            {
                if (fileByFolder.TryGetValue(current, out var known))
                {
                    found = known;
                    break;
                }
                visited.Add(current);
                var candidate = Path.Combine(current, RuleConfiguration.FileName);
                if (File.Exists(candidate))
                {
                    found = candidate;
                    break;
                }
            }
            foreach (var each in visited)
            {
                fileByFolder[each] = found;
            }
            return found;
        }
    }

    /// <summary>
    /// The path of the cachespec.json for a spec file as the disk is now (no remembered lookups), or null when none
    /// stands above it.
    /// </summary>
    public static string? FindOnDisk(string specPath)
    {
        for (var current = Path.GetDirectoryName(Path.GetFullPath(specPath)); current is not null; current =
            Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, RuleConfiguration.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The configuration for a spec file (empty when there is none), with the problems of the file it came from.
    /// </summary>
    public (RuleConfiguration Configuration, string? Path, IReadOnlyList<string> Problems) For(string specPath)
    {
        if (FindFor(specPath) is not { } path)
        {
            return (RuleConfiguration.Empty, null, Array.Empty<string>());
        }
        if (IsRememberedLink(path))
        {
            return (RuleConfiguration.Empty, path, new[] { "it is a symbolic link, which is not followed" });
        }
        var (configuration, problems) = Load(path);
        return (configuration, path, problems);
    }

    public (RuleConfiguration Configuration, IReadOnlyList<string> Problems) Load(string configurationPath)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(configurationPath, out var cached))
            {
                return cached;
            }
            (RuleConfiguration, IReadOnlyList<string>) result;
            try
            {
                var configuration = RuleCatalog.ParseConfiguration(File.ReadAllText(configurationPath),
                    out var problems);
                result = (configuration, problems);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                result = (RuleConfiguration.Empty, new[] { $"it cannot be read ({exception.Message})" });
            }
            loaded[configurationPath] = result;
            return result;
        }
    }

    private bool IsRememberedLink(string path)
    {
        lock (gate)
        {
            if (!linkByPath.TryGetValue(path, out var isLink))
            {
                linkByPath[path] = isLink = IsSymbolicLink(path);
            }
            return isLink;
        }
    }

    private static bool IsSymbolicLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Forgets every file found and read, so the next lookups see cachespec.json files as they are now.
    /// </summary>
    public void Forget()
    {
        lock (gate)
        {
            fileByFolder.Clear();
            loaded.Clear();
            linkByPath.Clear();
        }
    }
}
