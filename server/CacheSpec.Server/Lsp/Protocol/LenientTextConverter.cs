using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CacheSpec.Server.Lsp.Protocol;

/// <summary>
/// A document's text, read even when it holds a lone surrogate escape ("\ud800", which JSON.stringify writes for half
/// an emoji): each lone surrogate becomes U+FFFD. One UTF-16 unit stays one, so every position the client sends later
/// still points where it means, and the edit is kept rather than dropped.
/// </summary>
internal sealed class LenientTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("text must be a string");
        }
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            return Unescape(raw);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>
    /// A JSON string's raw UTF-8 content, unescaped, with every unpaired surrogate replaced by U+FFFD.
    /// </summary>
    private static string Unescape(byte[] raw)
    {
        var text = new StringBuilder(raw.Length);
        var start = 0;
        for (var at = 0; at < raw.Length; at++)
        {
            if (raw[at] != (byte)'\\')
            {
                continue;
            }
            text.Append(Encoding.UTF8.GetString(raw, start, at - start));
            var escape = (char)raw[++at];
            if (escape == 'u')
            {
                text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw, at + 1, 4), 16));
                at += 4;
            }
            else
            {
                text.Append(escape switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => escape,
                });
            }
            start = at + 1;
        }
        text.Append(Encoding.UTF8.GetString(raw, start, raw.Length - start));
        return ReplaceLoneSurrogates(text);
    }

    private static string ReplaceLoneSurrogates(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }
        return text.ToString();
    }
}
