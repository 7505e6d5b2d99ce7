using System.Text;
using CacheSpec.Server;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// What the editor receives, checked as data: every feature's answer for an example opened alone, over the protocol,
/// written to a baseline exactly as the server sent it (file URIs shortened). The engine's answers have baselines of
/// their own (tests/baselines/features); these hold the protocol edge to the LSP shapes, kinds and positions.
/// </summary>
public class ProtocolBaselineTests
{
    [Theory]
    [InlineData("vnet-injection.cachespec.yaml")]
    [InlineData("broken/mistakes.cachespec.yaml")]
    public async Task Every_feature_answers_an_example_as_the_baseline_says(string example)
    {
        var path = Path.Combine(RepositoryPaths.Examples, example);
        var uri = ToLsp.Uri(path);
        var text = File.ReadAllText(path);
        await using var server = new InProcessServer();
        // No workspace folder: the document is the whole workspace, whatever the scan of a folder would add and when.
        await server.InitializeAsync();
        await server.OpenAsync(uri, text);
        await server.WaitForDiagnosticsAsync(uri);
        var document = new { uri };
        var wholeDocument = new { start = new { line = 0, character = 0 }, end = new { line = 10_000, character = 0 } };
        var report = new StringBuilder();

        async Task Record(string method, object parameters, string where)
        {
            var answer = await server.RequestAsync(method, parameters);
            report.Append($"## {method} {where}\n").Append(Shorten(answer.ToString(Formatting.Indented)))
                .Append("\n\n");
        }

        foreach (var (needle, offset) in new[] { ("vnetInjection:", 2), ("tier: ", 7), ("subnet: ", 9) })
        {
            if (PositionOf(text, needle, offset) is { } at)
            {
                await Record("textDocument/hover", new { textDocument = document, position = at },
                    $"{needle.Trim()} {Where(at)}");
            }
        }
        if (EndOfLine(text, "tier: ") is { } tierEnd)
        {
            await Record("textDocument/completion", new { textDocument = document, position = tierEnd },
                $"at {Where(tierEnd)}");
        }
        if (PositionOf(text, "subnet: ", 9) is { } reference)
        {
            foreach (var method in new[] { "textDocument/definition", "textDocument/documentHighlight",
                "textDocument/prepareRename" })
            {
                await Record(method, new { textDocument = document, position = reference }, $"at {Where(reference)}");
            }
            await Record("textDocument/references",
                new { textDocument = document, position = reference, context = new { includeDeclaration = true } },
                $"at {Where(reference)}");
        }
        await Record("textDocument/documentSymbol", new { textDocument = document }, "");
        await Record("textDocument/foldingRange", new { textDocument = document }, "");
        await Record("textDocument/inlayHint", new { textDocument = document, range = wholeDocument }, "");
        await Record("textDocument/codeAction",
            new
            {
                textDocument = document,
                range = wholeDocument,
                context = new { diagnostics = Array.Empty<object>() }
            }, "");
        await Record("textDocument/diagnostic", new { textDocument = document }, "");

        var baseline = Path.Combine(RepositoryPaths.Baselines, "protocol",
            Path.GetFileName(Path.ChangeExtension(example, ".txt")));
        Baseline.Match(baseline, report.ToString());
    }

    private static (int Line, int Character) Locate(string text, int offset)
    {
        var line = text[..offset].Count(c => c == '\n');
        return (line, offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1));
    }

    /// <summary>
    /// The position <paramref name="offset"/> characters into the first occurrence of a text; null when it does not
    /// occur.
    /// </summary>
    private static object? PositionOf(string text, string needle, int offset)
    {
        var found = text.IndexOf(needle, StringComparison.Ordinal);
        if (found < 0)
        {
            return null;
        }
        var (line, character) = Locate(text, found + offset);
        return new { line, character };
    }

    private static object? EndOfLine(string text, string needle)
    {
        var found = text.IndexOf(needle, StringComparison.Ordinal);
        if (found < 0)
        {
            return null;
        }
        var (line, character) = Locate(text, text.IndexOf('\n', found));
        return new { line, character };
    }

    private static string Where(object position) =>
        JObject.FromObject(position) is var at ? $"{at["line"]}:{at["character"]}" : "";

    /// <summary>
    /// The machine's folders out of the text (the examples' and the documentation's beside the server), and the
    /// snapshot's generation, which counts the workspace scan's update too, whenever that lands.
    /// </summary>
    private static string Shorten(string json) => System.Text.RegularExpressions.Regex.Replace(json,
            "\"resultId\": \"[0-9]+\"", "\"resultId\": \"<generation>\"")
        .Replace(new Uri(RepositoryPaths.Examples + Path.DirectorySeparatorChar).AbsoluteUri, "file:///<examples>/")
        .Replace(new Uri(Path.GetDirectoryName(new Uri(RuleDocumentation.GuidanceBaseUri).LocalPath.TrimEnd('/'))!)
            .AbsoluteUri,
            "file:///<docs>");
}
