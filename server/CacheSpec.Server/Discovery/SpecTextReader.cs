using System.Text;
using CacheSpec.Analysis;

namespace CacheSpec.Server.Discovery;

/// <summary>
/// Reads a spec file as strict UTF-8 (a byte order mark is honoured, as File.ReadAllText does). It reads at most one
/// character more than the engine analyses: a larger file is reported by the engine as too large, and a huge one costs
/// no more memory than that.
/// </summary>
internal static class SpecTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    /// <exception cref="DecoderFallbackException">The text read is not valid UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Read(string path)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        if (!reader.BaseStream.CanSeek)
        {
            return ReadStream(reader);
        }
        // A UTF-8 file never holds more characters than bytes.
        var capacity = (int)Math.Min(reader.BaseStream.Length, AnalysisLimits.MaxTextLength + 1L);
        var buffer = new char[capacity];
        var read = reader.ReadBlock(buffer, 0, capacity);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// A pipe named on the command line (<c>check &lt;(...)</c>, /dev/stdin) has no length: it is read as it comes, and
    /// no further than one character past the largest text the engine checks, so that an endless stream still ends in
    /// the size limit's finding.
    /// </summary>
    private static string ReadStream(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while (text.Length <= AnalysisLimits.MaxTextLength
            && (read = reader.Read(buffer, 0,
                (int)Math.Min(buffer.Length, AnalysisLimits.MaxTextLength + 1L - text.Length))) > 0)
        {
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }
}
