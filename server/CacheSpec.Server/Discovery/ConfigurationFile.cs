using System.Text;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Configuration;

namespace CacheSpec.Server.Discovery;

/// <summary>
/// Reads the text of a cachespec.json, as strict UTF-8 and no further than one character past
/// <see cref="AnalysisLimits.MaxConfigurationBytes"/>; each way it can fail is one problem.
/// </summary>
public static class ConfigurationFile
{
    /// <summary>
    /// A cachespec.json found by lookup is read only if it is a regular file within the size bound: a symbolic link
    /// could name any file of the machine (whose keys the problems would echo), and a pipe would block the reader.
    /// </summary>
    public static (string? Text, string? Problem) ReadFound(string path)
    {
        var (kind, length) = DiskEntry.Of(path);
        return kind switch
        {
            DiskEntryKind.SymbolicLink => (null, "it is a symbolic link, which is not followed"),
            DiskEntryKind.NoLength => (null, "it is empty or not a regular file (a pipe, a device), so it is not read"),
            DiskEntryKind.RegularFile when length > AnalysisLimits.MaxConfigurationBytes =>
                (null, RuleConfiguration.TooLargeProblem),
            DiskEntryKind.RegularFile => ReadGiven(path),
            _ => (null, "it is no longer a file"),
        };
    }

    /// <summary>
    /// A cachespec.json the user named (check --config) is read wherever it points, a pipe as a stream.
    /// </summary>
    public static (string? Text, string? Problem) ReadGiven(string path)
    {
        try
        {
            var text = SpecTextReader.Read(path, AnalysisLimits.MaxConfigurationBytes);
            return text.Length > AnalysisLimits.MaxConfigurationBytes
                ? (null, RuleConfiguration.TooLargeProblem)
                : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "it is not UTF-8 text");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"it cannot be read ({exception.Message})");
        }
    }
}
