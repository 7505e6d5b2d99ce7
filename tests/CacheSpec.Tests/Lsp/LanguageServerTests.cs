using CacheSpec.Analysis;
using CacheSpec.Benchmarks;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CacheSpec.Tests.Lsp;

/// <summary>Round trips through the protocol layer for each method, in process.</summary>
public class LanguageServerTests
{
    [Fact]
    public async Task Initialize_states_the_capabilities_and_the_server()
    {
        await using var server = new InProcessServer();
        var result = await server.InitializeAsync();
        Assert.Equal("cachespec", (string?)result["serverInfo"]!["name"]);
        var capabilities = result["capabilities"]!;
        Assert.Equal(2, (int)capabilities["textDocumentSync"]!["change"]!);
        Assert.True((bool)capabilities["hoverProvider"]!);
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_with_32002()
    {
        await using var server = new InProcessServer();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            server.RequestAsync("textDocument/hover",
                new
                {
                    textDocument = new { uri = "file:///x.cachespec.yaml" },
                    position = new { line = 0, character = 0 }
                }));
        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Unknown_methods_and_bad_params_get_their_error_codes()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        var unknown = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() =>
            server.RequestAsync("cachespec/nothing", new { }));
        Assert.Equal(-32601, (int)unknown.ErrorCode);
        var bad = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() =>
            server.RequestAsync("textDocument/hover", new { textDocument = 5 }));
        Assert.Equal(-32602, (int)bad.ErrorCode);
        Assert.StartsWith("Invalid params", bad.Message);
        await server.NotifyAsync("cachespec/unknownNotification", new { });
        Assert.NotNull(
            await server.RequestAsync("textDocument/documentSymbol",
                new { textDocument = new { uri = "file:///none.cachespec.yaml" } }));
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_zero_and_requests_after_shutdown_are_refused()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        await server.RequestAsync("shutdown", new { });
        var refused = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            server.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = "file:///a" } }));
        Assert.Equal(-32600, refused.ErrorCode);
        await server.NotifyAsync("exit", new { });
        Assert.Equal(0, await server.ServerExit.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_one()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        await server.NotifyAsync("exit", new { });
        Assert.Equal(1, await server.ServerExit.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Published_diagnostics_equal_the_command_lines_for_every_example()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(RepositoryPaths.Examples);
        var files = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml", SearchOption.AllDirectories);
        var expected = SpecAnalyzer.Analyze(files.Select(path => (ToLsp.Uri(path), File.ReadAllText(path))).ToArray());
        foreach (var path in files)
        {
            var uri = ToLsp.Uri(path);
            var wanted = expected.For(uri)
                .Select(d =>
                    $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} " +
                    $"{(int)ToLsp.Severity(d.Severity)} {d.Code} {d.Message}").ToArray();
            var published = await server.WaitForDiagnosticsAsync(uri,
                p => ((JArray)p["diagnostics"]!).Count == wanted.Length);
            var actual = ((JArray)published["diagnostics"]!).Select(d =>
                $"{d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}-"
                + $"{d["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]} "
                + $"{d["severity"]} {d["code"]} {d["message"]}").ToArray();
            Assert.Equal(wanted, actual);
            var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
            Assert.Equal("full", (string?)pulled["kind"]);
            Assert.Equal(wanted.Length, ((JArray)pulled["items"]!).Count);
        }
    }

    [Fact]
    public async Task Incremental_changes_keep_utf16_positions_on_crlf_text()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        const string uri = "file:///tmp/emoji.cachespec.yaml";
        var text = (Specs.Header.Replace("name: test", "name: test\n  description: \"😀 caches\"")
            + "caches:\n  - name: a\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n").Replace("\n", "\r\n");
        await server.OpenAsync(uri, text);
        await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count == 1);
        // Replace "C0" (line 8) with "P1" through a ranged edit; then insert a character right after the emoji, which
        // is two UTF-16 units.
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new object[]
            {
                new { range = new { start = new { line = 8, character = 10 }, end = new { line = 8, character = 12 } },
                    text = "P1" },
                new { range = new { start = new { line = 4, character = 18 }, end = new { line = 4, character = 18 } },
                    text = "é" },
            },
        });
        var published = await server.WaitForDiagnosticsAsync(uri, p => (int?)p["version"] == 2);
        var expectedText = text.Replace("size: C0", "size: P1").Replace("😀 caches", "😀é caches");
        var expected = SpecAnalyzer.Analyze(new[] { (uri, expectedText) }).For(uri)
            .Select(d => $"{d.Code}@{d.Range.Start.Line}:{d.Range.Start.Character}");
        Assert.Equal(expected,
            ((JArray)published["diagnostics"]!)
            .Select(d => $"{d["code"]}@{d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}"));
        Assert.Contains(((JArray)published["diagnostics"]!), d => (string?)d["code"] == "invalid-size-for-tier");
    }

    [Fact]
    public async Task Changes_sent_back_to_back_apply_in_order_and_a_request_sent_after_them_sees_them_all()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync();
        const string uri = "file:///tmp/burst.cachespec.yaml";
        const int changes = 40;
        // A large file, so that each change takes the server a while: time enough for a message read after it to
        // overtake it.
        var text = SpecGenerator.Generate(1000);
        var lines = text.Split('\n');
        var nameLine = Array.FindLastIndex(lines, line => line.StartsWith("  - name: ", StringComparison.Ordinal));
        var name = lines[nameLine]["  - name: ".Length..];
        // Each await only waits for the message to be written: the server reads the open, the changes and the request
        // back to back.
        await server.OpenAsync(uri, text);
        await TypeAsync(server, uri, nameLine, lines[nameLine].Length, changes);
        var symbols = await server.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
        var typed = name + new string('x', changes);
        Assert.Contains(typed, symbols.SelectTokens("$..name").Select(token => (string?)token));
        var published = await server.WaitForDiagnosticsAsync(uri, p => (int?)p["version"] == changes + 1);
        lines[nameLine] += new string('x', changes);
        var expected = SpecAnalyzer.Analyze(new[] { (uri, string.Join('\n', lines)) }).For(uri)
            .Select(d => $"{d.Code}@{d.Range.Start.Line}");
        Assert.Equal(expected,
            ((JArray)published["diagnostics"]!).Select(d => $"{d["code"]}@{d["range"]!["start"]!["line"]}"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task With_default_settings_a_burst_of_keystrokes_publishes_only_increasing_versions_and_the_last(
        int caches)
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(diagnosticsDelayMs: null);
        const string uri = "file:///tmp/keystrokes.cachespec.yaml";
        const int keystrokes = 50;
        // 10 caches are published at once by the thread that applies each change; 1,000 by the publishing loop, which
        // skips the analyses a newer change made stale.
        var text = SpecGenerator.Generate(caches);
        var lines = text.Split('\n');
        var nameLine = Array.FindLastIndex(lines, line => line.StartsWith("  - name: ", StringComparison.Ordinal));
        await server.OpenAsync(uri, text);
        await TypeAsync(server, uri, nameLine, lines[nameLine].Length, keystrokes);
        var last = await server.WaitForDiagnosticsAsync(uri, p => (int?)p["version"] == keystrokes + 1);
        var versions = server.VersionsPublished(uri);
        Assert.True(versions.Zip(versions.Skip(1)).All(pair => pair.First < pair.Second),
            $"published versions: {string.Join(", ", versions)}");
        Assert.Equal(keystrokes + 1, versions[^1]);
        lines[nameLine] += new string('x', keystrokes);
        var expected = SpecAnalyzer.Analyze(new[] { (uri, string.Join('\n', lines)) }).For(uri)
            .Select(d => $"{d.Code}@{d.Range.Start.Line}");
        Assert.Equal(expected,
            ((JArray)last["diagnostics"]!).Select(d => $"{d["code"]}@{d["range"]!["start"]!["line"]}"));
    }

    /// <summary>
    /// Types "x" as many times at a place of an open document (versions 2, 3, ...), each keystroke its own didChange,
    /// back to back.
    /// </summary>
    private static async Task TypeAsync(InProcessServer server, string uri, int line, int character, int keystrokes)
    {
        for (var version = 2; version <= keystrokes + 1; version++)
        {
            var at = new { line, character = character + version - 2 };
            await server.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version },
                contentChanges = new[] { new { range = new { start = at, end = at }, text = "x" } },
            });
        }
    }

    /// <summary>
    /// Two open files: a network, and an app whose cache has a private endpoint in the network's subnet (no findings).
    /// </summary>
    private static async Task<(string Network, string App)> OpenNetworkAndAppAsync(InProcessServer server)
    {
        await server.InitializeAsync();
        const string network = "file:///tmp/ws/network.cachespec.yaml";
        const string app = "file:///tmp/ws/app.cachespec.yaml";
        await server.OpenAsync(network,
            Specs.Header.Replace("test", "net")
            + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n    subnets:\n      - name: endpoints\n    " +
            "    addressPrefix: 10.0.2.0/24\n");
        await server.OpenAsync(app,
            Specs.Header
            + "caches:\n  - name: a\n    tier: Premium\n    size: P1\n    isolation:\n      publicNetworkAccess: " +
            "Disabled\n      privateEndpoints:\n        - name: pe\n          subnet: hub/endpoints\n");
        await server.WaitForDiagnosticsAsync(app, p => ((JArray)p["diagnostics"]!).Count == 0);
        return (network, app);
    }

    [Fact]
    public async Task A_change_in_one_file_republishes_another_it_affects()
    {
        await using var server = new InProcessServer();
        var (network, app) = await OpenNetworkAndAppAsync(server);
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = network, version = 2 },
            contentChanges = new[] {
                new { range = new { start = new { line = 8, character = 14 }, end = new { line = 8, character = 23 } },
                    text = "clients" } },
        });
        var published = await server.WaitForDiagnosticsAsync(app, p => ((JArray)p["diagnostics"]!).Count == 1);
        Assert.Equal("unresolved-reference", (string?)published["diagnostics"]![0]!["code"]);
    }

    [Fact]
    public async Task A_change_that_leaves_another_files_findings_alone_does_not_republish_it()
    {
        await using var server = new InProcessServer();
        var (_, app) = await OpenNetworkAndAppAsync(server);
        var before = server.Publications.Count;
        for (var version = 2; version <= 3; version++)
        {
            // "size: P1" becomes P2, then P3: the app's findings and the network's stay as they were.
            await server.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri = app, version },
                contentChanges = new[] {
                    new { range = new { start = new { line = 7, character = 11 },
                        end = new { line = 7, character = 12 } }, text = $"{version}" } },
            });
            await server.WaitForDiagnosticsAsync(app, p => (int?)p["version"] == version);
        }
        var since = server.Publications.Skip(before).ToArray();
        Assert.Equal(new[] { app, app }, since.Select(publication => publication.Uri));
        Assert.All(since, publication => Assert.Equal(0, publication.Count));
    }

    /// <summary>A workspace file with one finding: a Basic cache open to the internet.</summary>
    private static (string Path, string Uri) WriteOneOpenCache(TempFolder folder)
    {
        var path = folder.Write("a.cachespec.yaml",
            Specs.Header
            + "caches:\n  - name: a\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n");
        return (path, ToLsp.Uri(path));
    }

    /// <summary>A server on the folder, once it has published the file's one finding.</summary>
    private static async Task<InProcessServer> StartOnAsync(TempFolder folder, string uri)
    {
        var server = new InProcessServer();
        await server.InitializeAsync(folder.Path);
        await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count == 1);
        return server;
    }

    [Fact]
    public async Task Closing_a_workspace_file_falls_back_to_its_text_on_disk()
    {
        using var folder = new TempFolder();
        var (_, uri) = WriteOneOpenCache(folder);
        await using var server = await StartOnAsync(folder, uri);
        await server.OpenAsync(uri, "apiVersion: [", version: 5);
        await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).Any(d => (string?)d["code"] == "yaml-syntax"));
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        var reverted = await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).All(d => (string?)d["code"] != "yaml-syntax"));
        Assert.Equal("no-network-isolation", (string?)reverted["diagnostics"]![0]!["code"]);
    }

    [Fact]
    public async Task Watched_file_changes_reload_closed_files()
    {
        using var folder = new TempFolder();
        var (path, uri) = WriteOneOpenCache(folder);
        await using var server = await StartOnAsync(folder, uri);
        File.WriteAllText(path,
            Specs.Header
            + "caches:\n  - name: a\n    tier: Basic\n    size: P1\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n");
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = 2 } } });
        await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).Any(d => (string?)d["code"] == "invalid-size-for-tier"));
        File.Delete(path);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = 3 } } });
        await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count == 0);
    }

    [Fact]
    public async Task A_changed_cachespec_json_is_reloaded()
    {
        using var folder = new TempFolder();
        var (_, uri) = WriteOneOpenCache(folder);
        var configuration = folder.Write("cachespec.json", "{\"rules\": {\"no-network-isolation\": \"error\"}}");
        await using var server = new InProcessServer();
        await server.InitializeAsync(folder.Path);
        await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Any(d => (int)d["severity"]! == 1));
        File.WriteAllText(configuration, "{\"rules\": {\"no-network-isolation\": \"off\"}}");
        await server.NotifyAsync("workspace/didChangeWatchedFiles",
            new { changes = new[] { new { uri = ToLsp.Uri(configuration), type = 2 } } });
        await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count == 0);
    }

    [Fact]
    public async Task A_client_that_pulls_gets_open_documents_by_pull_only_and_closed_files_by_push()
    {
        using var folder = new TempFolder();
        var openPath = folder.Write("open.cachespec.yaml",
            Specs.Header
            + "caches:\n  - name: a\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n");
        var closedPath = folder.Write("closed.cachespec.yaml",
            Specs.Header.Replace("test", "closed")
            + "caches:\n  - name: b\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n");
        await using var server = new InProcessServer();
        var result = await server.InitializeAsync(folder.Path, pullsDiagnostics: true);
        Assert.Equal("cachespec", (string?)result["capabilities"]!["diagnosticProvider"]!["identifier"]);
        var openUri = ToLsp.Uri(openPath);
        await server.WaitForDiagnosticsAsync(ToLsp.Uri(closedPath), p => ((JArray)p["diagnostics"]!).Count == 1);
        await server.OpenAsync(openUri, File.ReadAllText(openPath), version: 2);
        await server.WaitForDiagnosticsAsync(openUri, p => ((JArray)p["diagnostics"]!).Count == 0);
        var cleared = server.Publications.Count;
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = openUri, version = 3 },
            contentChanges = new[] {
                new { range = new { start = new { line = 4, character = 0 }, end = new { line = 4, character = 0 } },
                    text = "# edited\n" } },
        });
        var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = openUri } });
        Assert.Single((JArray)pulled["items"]!);
        await Task.Delay(500);
        Assert.DoesNotContain(server.Publications.Skip(cleared), publication => publication.Uri == openUri);
    }

    [Fact]
    public async Task The_editors_guidance_applies_to_specs_that_name_none()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(guidance: "2020-10");
        const string uri = "file:///tmp/editor-guidance.cachespec.yaml";
        await server.OpenAsync(uri,
            Specs.Header
            + "caches:\n  - name: a\n    tier: Standard\n    size: C1\n    tls:\n      minimumVersion: \"1.0\"\n    " +
            "isolation:\n      publicNetworkAccess: Enabled\n      firewallRules:\n        - {name: o, startIp: " +
            "203.0.113.0, endIp: 203.0.113.9}\n");
        var published = await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count > 0);
        Assert.Equal(2,
            (int)published["diagnostics"]!.Single(d => (string?)d["code"] == "minimum-tls-version")["severity"]!);
    }
}
