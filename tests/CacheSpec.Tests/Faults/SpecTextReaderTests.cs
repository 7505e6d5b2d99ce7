using System.Text;
using CacheSpec.Server.Discovery;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Faults;

/// <summary>
/// A spec file is read whole and decoded in one piece when it fits the limit and starts with no byte order mark; the
/// text (or the error) must be the one the stream reader gives, which reads every other file: byte order marks of every
/// kind, invalid and cut-short UTF-8, text past the limit.
/// </summary>
public sealed class SpecTextReaderTests : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, byte[]> Files()
    {
        var text = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\n# café ☕ 😀\n";
        var utf8 = Encoding.UTF8.GetBytes(text);
        byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
        return new TheoryData<string, byte[]>
        {
            { "plain UTF-8", utf8 },
            { "empty", Array.Empty<byte>() },
            { "UTF-8 with a byte order mark", Concat(new byte[] { 0xEF, 0xBB, 0xBF }, utf8) },
            { "a byte order mark before invalid bytes", Concat(new byte[] { 0xEF, 0xBB, 0xBF }, utf8, [0xC3, 0x28]) },
            { "invalid UTF-8", Concat(utf8, [0xC3, 0x28], utf8) },
            { "UTF-8 cut short in a character", Concat(utf8, [0xE2, 0x98]) },
            { "UTF-16 LE with its mark", Concat(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes(text)) },
            { "UTF-16 BE with its mark", Concat(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode.GetBytes(text)) },
            { "UTF-32 LE with its mark", Concat(new byte[] { 0xFF, 0xFE, 0, 0 }, Encoding.UTF32.GetBytes(text)) },
            { "a character from U+F000 first", Encoding.UTF8.GetBytes("\uF8FF" + text) },
            { "a NUL first", Concat(new byte[] { 0 }, utf8) },
            { "past the limit", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, 40))) },
            { "past the limit in characters, not in bytes", Encoding.UTF8.GetBytes(new string('é', 700)) },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_reads_as_the_stream_reader_reads_it(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, $"{name}.cachespec.yaml");
        File.WriteAllBytes(path, bytes);
        const int maxLength = 1000;

        Assert.Equal(Outcome(() => StreamReaderText(path, maxLength)), Outcome(() => SpecTextReader.Read(path,
            maxLength)));
    }

    /// <summary>How the reader always read a file: the text, or the kind of exception.</summary>
    private static string StreamReaderText(string path, int maxLength)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var capacity = (int)Math.Min(reader.BaseStream.Length, maxLength + 1L);
        var buffer = new char[capacity];
        var read = reader.ReadBlock(buffer, 0, capacity);
        return new string(buffer, 0, read);
    }

    private static string Outcome(Func<string> read)
    {
        try
        {
            return "text: " + read();
        }
        catch (DecoderFallbackException)
        {
            return "not UTF-8";
        }
    }
}
