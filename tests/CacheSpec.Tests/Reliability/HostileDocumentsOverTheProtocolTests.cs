using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Reliability;

/// <summary>The language server keeps answering every request on hostile documents, and publishes their limit
/// findings.</summary>
public class HostileDocumentsOverTheProtocolTests
{
    private static readonly (string Name, string Text)[] Documents =
    {
        ("deep", new string('[', 10_000) + new string(']', 10_000) + "\n"),
        ("aliases", Specs.Header + "x-big: &big [" + string.Join(",", Enumerable.Repeat("a", 100_001))
            + "]\nnetworks: *big\ncaches: []\n"),
        ("huge", HostileSpecs.CachesOfLength(9 * 1024 * 1024)),
        ("garbage", "\0\u0001\uD800 a: [\t{\n\t- \"\n"),
    };

    [Fact]
    public async Task Every_method_answers_on_hostile_documents()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        foreach (var (name, text) in Documents)
        {
            var uri = $"file:///tmp/hostile/{name}.cachespec.yaml";
            await server.OpenAsync(uri, text);
            var published = await server.WaitForDiagnosticsAsync(uri, timeoutMs: 60_000);
            var codes = ((JArray)published["diagnostics"]!).Select(d => (string?)d["code"]).ToArray();
            Assert.Contains(name == "garbage" ? "yaml-syntax" : "limit-exceeded", codes);
            var lines = text.Split('\n');
            var positions = new[] { (0, 0), (0, Math.Min(64, lines[0].Length)), (lines.Length / 2, 0),
                (lines.Length - 1, 0), (lines.Length + 5, 3) };
            var document = new { uri };
            foreach (var (line, character) in positions)
            {
                var position = new { line, character };
                await server.RequestAsync("textDocument/hover", new { textDocument = document, position });
                await server.RequestAsync("textDocument/completion", new { textDocument = document, position });
                await server.RequestAsync("textDocument/definition", new { textDocument = document, position });
                await server.RequestAsync("textDocument/references", new
                {
                    textDocument = document,
                    position,
                    context = new { includeDeclaration = true }
                });
                await server.RequestAsync("textDocument/documentHighlight", new { textDocument = document, position });
                await server.RequestAsync("textDocument/prepareRename", new { textDocument = document, position });
                var range = new { start = new { line = 0, character = 0 }, end = position };
                await server.RequestAsync("textDocument/codeAction", new
                {
                    textDocument = document,
                    range,
                    context = new { diagnostics = Array.Empty<object>() }
                });
                await server.RequestAsync("textDocument/inlayHint", new { textDocument = document, range });
            }
            await server.RequestAsync("textDocument/documentSymbol", new { textDocument = document });
            await server.RequestAsync("textDocument/foldingRange", new { textDocument = document });
            await server.RequestAsync("textDocument/diagnostic", new { textDocument = document });
        }
        await server.RequestAsync("workspace/symbol", new { query = "" });
    }
}
