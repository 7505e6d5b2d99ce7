using System.Buffers;
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
        var stream = reader.BaseStream;
        if (!stream.CanSeek)
        {
            return ReadStream(reader, maxLength);
        }
        // Before the reader has read anything, a file within the limit is read whole from under it.
        if (stream.Length <= maxLength + 1L && ReadWhole(stream) is { } whole)
        {
            return whole;
        }
        stream.Position = 0;
        // A UTF-8 file never holds more characters than bytes.
        var capacity = (int)Math.Min(reader.BaseStream.Length, maxLength + 1L);
        var buffer = new char[capacity];
        var read = reader.ReadBlock(buffer, 0, capacity);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// A file within the size limit, read whole and decoded in one piece: only the text is allocated (a workspace scan
    /// reads thousands of files). Null when it starts with a byte order mark, or a byte that may begin one, which the
    /// reader honours as it always has.
    /// </summary>
    private static string? ReadWhole(Stream stream)
    {
        var length = (int)stream.Length;
        // At least the file stream's buffer, which a read as large passes by (a small file then costs no buffer).
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 4096));
        try
        {
            // No more than the length it had when opened, even if it grew since.
            var read = Math.Min(stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false), length);
            return read > 0 && bytes[0] is 0xEF or 0xFE or 0xFF or 0x00 ? null : StrictUtf8.GetString(bytes, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
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
