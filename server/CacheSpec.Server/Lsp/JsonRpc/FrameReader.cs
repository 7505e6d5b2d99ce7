using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// Reads LSP's base protocol: header lines ("Name: value\r\n") up to an empty line, then exactly Content-Length bytes
/// of body. A frame it cannot read is reported, never thrown: the reader then skips to the next "Content-Length" header
/// it finds, so a broken frame costs that frame only. Memory stays bounded whatever the input declares: a header block
/// is at most 8 KiB, a body at most <see cref="MaxBodyBytes"/>, and skipped bytes are discarded as they are read.
/// </summary>
internal sealed class FrameReader
{
    /// <summary>
    /// The largest body accepted: far above any spec file an editor sends, far below what would strain the process.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    private const int MaxHeaderBytes = 8 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "Content-Length"u8.ToArray();

    private readonly PipeReader input;
    private bool skipping;

    public FrameReader(PipeReader input)
    {
        this.input = input;
    }

    /// <summary>
    /// After a body that is not a message, the next frame is found by its header rather than trusted to follow at once.
    /// </summary>
    public void Resynchronize() => skipping = true;

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        if (skipping && !await SkipToHeaderAsync(cancellationToken).ConfigureAwait(false))
        {
            return Frame.End;
        }
        skipping = false;
        var (length, problem, ended) = await ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
        if (ended)
        {
            return Frame.End;
        }
        if (problem is not null)
        {
            skipping = true;
            return Frame.Broken(problem);
        }
        return await ReadBodyAsync(length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the header block. A broken block is consumed only up to the first letter of its first "Content-Length", or
    /// its first byte: a block with a bare line feed may have run into the next frame's header, and the search for that
    /// header starts inside it.
    /// </summary>
    private async ValueTask<(int Length, string? Problem, bool Ended)> ReadHeadersAsync(
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var end = IndexOf(buffer, HeaderEnd, MaxHeaderBytes + HeaderEnd.Length);
            if (end >= 0)
            {
                var block = buffer.Slice(0, end);
                var (length, problem) = ParseHeaders(block.ToArray());
                input.AdvanceTo(
                    buffer.GetPosition(problem is null ? end + HeaderEnd.Length
                        : Math.Max(IndexOfHeaderName(block), 0) + 1));
                return (length, problem, false);
            }
            if (buffer.Length > MaxHeaderBytes)
            {
                input.AdvanceTo(buffer.GetPosition(1));
                return (0, $"no end of headers within {MaxHeaderBytes} bytes", false);
            }
            if (read.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                return (0, buffer.IsEmpty ? null : "the input ended inside a header", buffer.IsEmpty);
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static (int Length, string? Problem) ParseHeaders(byte[] block)
    {
        int? length = null;
        foreach (var line in Encoding.Latin1.GetString(block).Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue; // a stray line break before the headers
            }
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return (0, $"'{Shorten(line)}' is not a header line");
            }
            if (!line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Content-Type and any other header: the body is read as UTF-8, as LSP specifies.
            }
            var value = line.AsSpan(colon + 1).Trim();
            if (value.IsEmpty || value.Length > 10 || value.ContainsAnyExceptInRange('0', '9')
                || !long.TryParse(value, out var declared))
            {
                return (0, $"Content-Length '{Shorten(value.ToString())}' is not a byte count");
            }
            if (declared > MaxBodyBytes)
            {
                return (0, $"Content-Length {declared} exceeds the limit of {MaxBodyBytes} bytes");
            }
            if (length is { } earlier && earlier != declared)
            {
                return (0, "two different Content-Length headers");
            }
            length = (int)declared;
        }
        return length is { } found ? (found, null) : (0, "no Content-Length header");
    }

    /// <summary>
    /// Reads the body. When the declared length was too long, the body swallowed the start of the next frame: if it
    /// holds that frame's header and is not JSON, only the bytes before the header are taken, and the next read starts
    /// at the header.
    /// </summary>
    private async ValueTask<Frame> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return Frame.Of(Array.Empty<byte>());
        }
        var read = await input.ReadAtLeastAsync(length, cancellationToken).ConfigureAwait(false);
        var buffer = read.Buffer;
        if (buffer.Length < length)
        {
            input.AdvanceTo(buffer.End);
            return Frame.Broken(
                $"the input ended {length - buffer.Length} bytes short of the declared Content-Length {length}");
        }
        var body = buffer.Slice(0, length).ToArray();
        var header = body.AsSpan().IndexOf(ContentLengthName);
        if (header >= 0 && !MessageParser.IsJson(body))
        {
            input.AdvanceTo(buffer.GetPosition(header));
            return Frame.Broken(
                $"the body is not JSON and holds another frame's header at byte {header}: its Content-Length " +
                $"{length} was too long");
        }
        input.AdvanceTo(buffer.GetPosition(length));
        return Frame.Of(body);
    }

    /// <summary>
    /// Discards input up to the next "Content-Length" (any case), keeping only a name's length of bytes while it
    /// searches.
    /// </summary>
    private async ValueTask<bool> SkipToHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var found = IndexOfHeaderName(buffer);
            if (found >= 0)
            {
                input.AdvanceTo(buffer.GetPosition(found));
                return true;
            }
            if (read.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                return false;
            }
            var keep = Math.Min(buffer.Length, ContentLengthName.Length - 1);
            input.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
        }
    }

    private static long IndexOfHeaderName(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        Span<byte> candidate = stackalloc byte[ContentLengthName.Length];
        while (reader.TryAdvanceToAny("Cc"u8, advancePastDelimiter: false))
        {
            if (!reader.TryCopyTo(candidate))
            {
                return -1;
            }
            if (Ascii.EqualsIgnoreCase(candidate, ContentLengthName))
            {
                return reader.Consumed;
            }
            reader.Advance(1);
        }
        return -1;
    }

    /// <summary>
    /// The offset of <paramref name="value"/> within the first <paramref name="limit"/> bytes, or -1.
    /// </summary>
    private static long IndexOf(ReadOnlySequence<byte> buffer, byte[] value, int limit)
    {
        var window = buffer.Length > limit ? buffer.Slice(0, limit) : buffer;
        var reader = new SequenceReader<byte>(window);
        return reader.TryReadTo(out ReadOnlySequence<byte> before, value, advancePastDelimiter: false) ? before.Length
            : -1;
    }

    /// <summary>A piece of a broken header for the error message, on one line.</summary>
    private static string Shorten(string text)
    {
        var shown = text.Length <= 40 ? text : text[..40] + "...";
        return string.Concat(shown.Select(character => char.IsControl(character) ? '?' : character));
    }
}
