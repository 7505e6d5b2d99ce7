using System.Text.Json;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// A document's text is read even with lone surrogate escapes: each becomes U+FFFD, one UTF-16 unit for one.
/// </summary>
public class LenientTextTests
{
    [Theory]
    [InlineData("""a\ud800b""", "a\uFFFDb")]
    [InlineData("""a\udc00b""", "a\uFFFDb")]
    [InlineData("""\ud83d\ude80 \ud800""", "\U0001F680 \uFFFD")]
    [InlineData("""\ud800\ud800\udc00""", "\uFFFD\U00010000")]
    [InlineData("""tab\there \"quoted\" back\\slash \u00e9 é \ud800""", "tab\there \"quoted\" back\\slash é é \uFFFD")]
    [InlineData("""plain""", "plain")]
    public void Lone_surrogates_become_replacement_characters_and_the_rest_is_read_as_json(string escaped,
        string expected)
    {
        var change = JsonSerializer.Deserialize(
            $$"""{"text":"{{escaped}}"}""", LspJsonContext.Default.TextDocumentContentChangeEvent)!;
        Assert.Equal(expected, change.Text);
        Assert.Equal(expected.Length, change.Text.Length);
    }

    [Fact]
    public void Text_that_is_not_a_string_is_refused()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"text":42}""", LspJsonContext.Default.TextDocumentContentChangeEvent));
    }
}
