using System.Text;
using CacheSpec.Analysis;

namespace CacheSpec.Server.Discovery;

/// <summary>
/// Reads a spec file as strict UTF-8 (a byte order mark is honoured, as File.ReadAllText does). It reads at most one
/// character more than the engine analyses: a larger file is reported by the engine as too large, and a huge one costs
/// no more memory than that.
/// </summary>
public static class SpecTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a spec found in a folder or named by the editor: only a regular file is opened; one of no length (empty,
    /// or a pipe or device) reads as empty; a symbolic link or a folder is not read.
    /// </summary>
    /// <exception cref="DecoderFallbackException">The text read is not valid UTF-8.</exception>
    /// <exception cref="IOException">It is not a file, or it cannot be read.</exception>
    public static string ReadFound(string path) => DiskEntry.Of(path).Kind switch
    {
        DiskEntryKind.RegularFile => Read(path),
        DiskEntryKind.NoLength => string.Empty,
        DiskEntryKind.SymbolicLink => throw new IOException("it is a symbolic link, which is not followed"),
        _ => throw new IOException("it is not a file"),
    };

    /// <summary>
    /// Reads a file named on the command line, wherever it points; a pipe is read as a stream. At most
    /// <paramref name="maxLength"/> + 1 characters are read.
    /// </summary>
    /// <exception cref="DecoderFallbackException">The text read is not valid UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Read(string path, int maxLength = AnalysisLimits.MaxTextLength)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        if (!reader.BaseStream.CanSeek)
        {
            return ReadStream(reader, maxLength);
        }
        // A UTF-8 file never holds more characters than bytes.
        var capacity = (int)Math.Min(reader.BaseStream.Length, maxLength + 1L);
        var buffer = new char[capacity];
        var read = reader.ReadBlock(buffer, 0, capacity);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// A pipe named on the command line (<c>check &lt;(...)</c>, /dev/stdin) has no length: it is read as it comes, and
    /// no further than one character past the limit, so that an endless stream still ends in the size limit's finding.
    /// </summary>
    private static string ReadStream(StreamReader reader, int maxLength)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while (text.Length <= maxLength
            && (read = reader.Read(buffer, 0, (int)Math.Min(buffer.Length, maxLength + 1L - text.Length))) > 0)
        {
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }
}
