using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Rules;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Fixes;

/// <summary>textDocument/codeAction over the protocol, in process: the client asks, applies the workspace edit, and the
/// finding goes away.</summary>
public class CodeActionRoundTripTests
{
    [Fact]
    public async Task The_server_advertises_quick_fixes()
    {
        await using var server = new InProcessServer();
        var result = await server.InitializeAsync();
        Assert.Equal(new[] { "quickfix", "quickfix.configure" },
            result["capabilities"]!["codeActionProvider"]!["codeActionKinds"]!.Select(kind => (string?)kind));
    }

    [Fact]
    public async Task A_quick_fix_applied_by_the_client_makes_its_diagnostic_disappear()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        const string uri = "file:///tmp/fixes/profiles.cachespec.yaml";
        var text = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, "public-access-with-private-endpoint.md"))
            .FailingExample!;
        await server.OpenAsync(uri, text);
        var published = await server.WaitForDiagnosticsAsync(uri, p => Diagnostics(p).Any(d =>
            (string?)d["code"] == "public-access-with-private-endpoint"));
        var diagnostic = Diagnostics(published).First(d => (string?)d["code"] == "public-access-with-private-endpoint");

        var actions = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = diagnostic["range"],
            context = new { diagnostics = new[] { diagnostic }, triggerKind = 1 },
        });
        var action = Assert.Single(actions, action => (string?)action["kind"] == "quickfix");
        Assert.Equal("Set publicNetworkAccess: Disabled", (string?)action["title"]);
        Assert.Equal("quickfix", (string?)action["kind"]);
        Assert.True((bool)action["isPreferred"]!);
        Assert.Equal("public-access-with-private-endpoint", (string?)action["diagnostics"]![0]!["code"]);
        Assert.Equal(diagnostic["range"]!.ToString(), action["diagnostics"]![0]!["range"]!.ToString());

        var changes = (JObject)action["edit"]!["changes"]!;
        Assert.Equal(new[] { uri }, changes.Properties().Select(property => property.Name));
        var fixedText = Apply(text, (JArray)changes[uri]!);
        Assert.Contains("publicNetworkAccess: Disabled", fixedText);
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { text = fixedText } },
        });
        var republished = await server.WaitForDiagnosticsAsync(uri, p => (int?)p["version"] == 2);
        Assert.DoesNotContain(Diagnostics(republished), d =>
            (string?)d["code"] == "public-access-with-private-endpoint");
    }

    [Fact]
    public async Task Fixes_come_from_the_servers_analysis_for_the_requested_range_and_kinds()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        const string uri = "file:///tmp/fixes/unset.cachespec.yaml";
        var text = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, "public-access-unset.md")).FailingExample!;
        await server.OpenAsync(uri, text);
        var published = await server.WaitForDiagnosticsAsync(uri, p => Diagnostics(p).Any());
        var start = Diagnostics(published).Single(d => (string?)d["code"] == "public-access-unset")["range"]!["start"]!;

        // A cursor on the finding, with no diagnostics in the context: the server finds them itself.
        var atCursor = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = new { start, end = start },
            context = new { diagnostics = Array.Empty<object>() },
        });
        Assert.Equal(new[] { "Set publicNetworkAccess: Enabled", "Set publicNetworkAccess: Disabled" },
            atCursor.Where(action => (string?)action["kind"] == "quickfix").Select(action => (string?)action["title"]));
        Assert.All(atCursor, action => Assert.Null(action["isPreferred"]));

        var otherKinds = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = new { start, end = start },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "refactor" } },
        });
        Assert.Empty(otherKinds);

        // A stale diagnostic the client still shows, on a line where the server has none: nothing to fix.
        var stale = new
        {
            range = new
            {
                start = new { line = 0, character = 0 },
                end = new
                {
                    line = 0,
                    character = 10
                }
            },
            code = "unknown-key",
            message = "old"
        };
        var elsewhere = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = stale.range,
            context = new { diagnostics = new[] { stale } },
        });
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task A_fix_may_edit_another_file_of_the_workspace()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        const string network = "file:///tmp/fixes-ws/network.cachespec.yaml";
        const string caches = "file:///tmp/fixes-ws/caches.cachespec.yaml";
        var files = FixCases.All["nsg-and-subnet-in-another-file"];
        await server.OpenAsync(network, files["network.cachespec.yaml"]);
        await server.OpenAsync(caches, files["caches.cachespec.yaml"]);
        var published = await server.WaitForDiagnosticsAsync(caches, p => Diagnostics(p).Any(d =>
            (string?)d["code"] == "nsg-not-enforced-on-private-endpoint"));
        var diagnostic = Diagnostics(published).Single(d =>
            (string?)d["code"] == "nsg-not-enforced-on-private-endpoint");

        var actions = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = caches },
            range = diagnostic["range"],
            context = new { diagnostics = new[] { diagnostic } },
        });
        var action = Assert.Single(actions, action => (string?)action["kind"] == "quickfix");
        var changes = (JObject)action["edit"]!["changes"]!;
        Assert.Equal(new[] { network }, changes.Properties().Select(property => property.Name));
        var fixedNetwork = Apply(files["network.cachespec.yaml"], (JArray)changes[network]!);
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = network, version = 2 },
            contentChanges = new[] { new { text = fixedNetwork } },
        });
        await server.WaitForDiagnosticsAsync(caches, p => Diagnostics(p).All(d =>
            (string?)d["code"] != "nsg-not-enforced-on-private-endpoint"));
    }

    private static IEnumerable<JToken> Diagnostics(JObject published) => (JArray)published["diagnostics"]!;

    /// <summary>Applies LSP text edits (ranges against the original text) as a client does.</summary>
    private static string Apply(string text, JArray edits)
    {
        var source = new SourceText(text);
        int Offset(JToken position) => source.GetOffset(new LinePosition((int)position["line"]!,
            (int)position["character"]!));
        foreach (var edit in edits.OrderByDescending(edit => Offset(edit["range"]!["start"]!)))
        {
            var start = Offset(edit["range"]!["start"]!);
            var end = Offset(edit["range"]!["end"]!);
            text = text[..start] + (string?)edit["newText"] + text[end..];
        }
        return text;
    }
}
