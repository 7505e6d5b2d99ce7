using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Faults;

/// <summary>
/// A spec file that disappears or becomes unreadable under the language server, while the editor has it open and while
/// it is closed: the server keeps serving, an open document keeps the editor's text, and a file gone from the workspace
/// gets an empty list. As root, where a mode of 000 does not stop reads, "unreadable" puts a folder in the file's place
/// (see <see cref="Unreadable"/>).
/// </summary>
public sealed class SpecFileFaultTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string pathA;
    private readonly string pathB;

    public SpecFileFaultTests()
    {
        pathA = folder.Write("a.cachespec.yaml", Spec("a", "C0"));
        pathB = folder.Write("b.cachespec.yaml", Spec("b", "C0"));
    }

    private string UriA => ToLsp.Uri(pathA);

    private string UriB => ToLsp.Uri(pathB);

    public void Dispose()
    {
        // A file made unreadable must be readable (and a file) again before the folder can be removed.
        Unreadable.Restore(pathA, "");
        folder.Dispose();
    }

    /// <summary>One cache open to the internet: one no-network-isolation finding; a Premium size on Basic adds
    /// invalid-size-for-tier.</summary>
    private static string Spec(string name, string size) =>
        Specs.Header.Replace("name: test", $"name: {name}")
            + $"caches:\n  - name: cache-{name}\n    tier: Basic\n    size: {size}\n    isolation:\n      " +
                "publicNetworkAccess: Enabled\n";

    private static string[] Codes(JToken diagnostics) => diagnostics.Select(d => (string)d["code"]!)
        .Order(StringComparer.Ordinal).ToArray();

    private static bool Cleared(JObject published) => published["version"] is null or { Type: JTokenType.Null }
        && !((JArray)published["diagnostics"]!).Any();

    private async Task<InProcessServer> StartAsync()
    {
        var server = new InProcessServer();
        await server.InitializeAsync(folder.Path);
        await server.WaitForDiagnosticsAsync(UriA, p => ((JArray)p["diagnostics"]!).Count == 1);
        await server.WaitForDiagnosticsAsync(UriB, p => ((JArray)p["diagnostics"]!).Count == 1);
        return server;
    }

    /// <summary>The server still answers for the other file: its diagnostics, pulled, and its outline.</summary>
    private async Task AssertStillServingAsync(InProcessServer server)
    {
        var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = UriB } });
        Assert.Equal(new[] { "no-network-isolation" }, Codes(pulled["items"]!));
        Assert.NotEmpty((JArray)await server.RequestAsync("textDocument/documentSymbol",
            new { textDocument = new { uri = UriB } }));
    }

    [Fact]
    public async Task An_open_spec_deleted_from_disk_keeps_the_editors_text_and_leaves_when_closed()
    {
        await using var server = await StartAsync();
        await server.OpenAsync(UriA, Spec("a", "P1"), version: 2);
        await server.WaitForDiagnosticsAsync(UriA, p => (int?)p["version"] == 2);
        File.Delete(pathA);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 3 } }
        });
        var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = UriA } });
        Assert.Equal(new[] { "invalid-size-for-tier", "no-network-isolation" }, Codes(pulled["items"]!));
        await AssertStillServingAsync(server);
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = UriA } });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task An_open_spec_made_unreadable_keeps_the_editors_text_and_leaves_when_closed()
    {
        await using var server = await StartAsync();
        await server.OpenAsync(UriA, Spec("a", "P1"), version: 2);
        await server.WaitForDiagnosticsAsync(UriA, p => (int?)p["version"] == 2);
        Unreadable.MakeFileUnreadableHere(pathA);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 2 } }
        });
        var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = UriA } });
        Assert.Equal(new[] { "invalid-size-for-tier", "no-network-isolation" }, Codes(pulled["items"]!));
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = UriA } });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task A_closed_spec_gone_from_disk_leaves_the_workspace_on_a_change_or_delete_event()
    {
        await using var server = await StartAsync();
        // A tool that replaces files by renaming may report only a change for a file that is gone.
        File.Delete(pathA);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 2 } }
        });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
        File.WriteAllText(pathA, Spec("a", "P1"));
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 1 } }
        });
        await server.WaitForDiagnosticsAsync(UriA, p => ((JArray)p["diagnostics"]!).Count == 2);
        File.Delete(pathA);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 3 } }
        });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task A_closed_spec_made_unreadable_leaves_the_workspace_and_returns_when_readable()
    {
        await using var server = await StartAsync();
        Unreadable.MakeFileUnreadableHere(pathA);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 2 } }
        });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
        Unreadable.Restore(pathA, Spec("a", "P1"));
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = UriA,
            type = 2 } }
        });
        var back = await server.WaitForDiagnosticsAsync(UriA, p => ((JArray)p["diagnostics"]!).Count == 2);
        Assert.Equal(new[] { "invalid-size-for-tier", "no-network-isolation" }, Codes(back["diagnostics"]!));
    }

    [Fact]
    public async Task Closing_a_spec_that_was_never_on_disk_or_whose_copy_is_unreadable_clears_its_diagnostics()
    {
        await using var server = await StartAsync();
        var scratch = ToLsp.Uri(Path.Combine(folder.Path, "never-saved.cachespec.yaml"));
        await server.OpenAsync(scratch, Spec("scratch", "C0"));
        await server.WaitForDiagnosticsAsync(scratch, p => ((JArray)p["diagnostics"]!).Count == 1);
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = scratch } });
        await server.WaitForDiagnosticsAsync(scratch, Cleared);
        await server.OpenAsync(UriA, Spec("a", "P1"), version: 2);
        await server.WaitForDiagnosticsAsync(UriA, p => (int?)p["version"] == 2);
        Unreadable.MakeFileUnreadableHere(pathA);
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = UriA } });
        await server.WaitForDiagnosticsAsync(UriA, Cleared);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task A_spec_unreadable_when_the_workspace_loads_is_skipped_and_the_others_are_checked()
    {
        Unreadable.MakeFileUnreadableHere(pathA);
        await using var server = new InProcessServer();
        await server.InitializeAsync(folder.Path);
        await server.WaitForDiagnosticsAsync(UriB, p => ((JArray)p["diagnostics"]!).Count == 1);
        var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = UriA } });
        Assert.Empty((JArray)pulled["items"]!);
        Assert.DoesNotContain(server.Publications, publication => publication.Uri == UriA);
    }
}
