using System.Text.Json;
using CacheSpec.Server;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Workspace;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace CacheSpec.Tests.Faults;

/// <summary>
/// The folder walk of "cachespec check" and of the language server's workspace scan, on folders that fight back:
/// symbolic link loops (a -> ., dir/link -> ..), links that lead out of the folder, a folder and a file that cannot be
/// read. Neither may hang or crash, and every readable spec is still checked. Permission faults run the real executable
/// through <see cref="Unreadable.Launcher"/> (as nobody when the tests run as root, where a mode of 000 does not stop
/// reads).
/// </summary>
public sealed class FolderFaultTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper output;
    private readonly TempFolder root = new();

    public FolderFaultTests(ITestOutputHelper output)
    {
        this.output = output;
        Workspace = Path.Combine(root.Path, "ws");
        root.Write("ws/a.cachespec.yaml", Spec("a"));
        root.Write("ws/dir/b.cachespec.yaml", Spec("b"));
        root.Write("outside/secret.cachespec.yaml", Spec("secret"));
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "dir", "link"), "..");
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "outdir"), "../outside");
        File.CreateSymbolicLink(Path.Combine(Workspace, "linked.cachespec.yaml"), "../outside/secret.cachespec.yaml");
    }

    private string Workspace { get; }

    public void Dispose()
    {
        foreach (var locked in new[] { Path.Combine(Workspace, "locked"), Path.Combine(Workspace,
            "c.cachespec.yaml") }.Where(Path.Exists))
        {
            Unreadable.Unlock(locked);
        }
        root.Dispose();
    }

    private static string Spec(string name) =>
        Specs.Header.Replace("name: test", $"name: {name}")
            + $"caches:\n  - name: cache-{name}\n    tier: Basic\n    size: C0\n    isolation:\n      " +
                "publicNetworkAccess: Enabled\n";

    private static string[] CheckedPaths(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("path")
            .GetString()!.Replace('\\', '/')).ToArray();
    }

    [Fact]
    public async Task The_check_follows_no_link_loop_and_no_link_out_of_the_folder()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Task.Run(() => CommandLine.Run(new[] { "check", Workspace, "--format", "json" }, stdout,
            stderr)).WaitAsync(NoHang);
        Assert.Equal(0, exit);
        Assert.Empty(stderr.ToString());
        var expected = new[] { "ws/a.cachespec.yaml", "ws/dir/b.cachespec.yaml" }.Select(path => Path.Combine(root.Path,
            path).Replace('\\', '/'));
        Assert.Equal(expected, CheckedPaths(stdout.ToString()));
    }

    [Fact]
    public async Task The_workspace_scan_follows_no_link_loop_and_no_link_out_of_the_folder()
    {
        var logged = new List<string>();
        var files = await Task.Run(() => WorkspaceScanner.Scan(new[] { Workspace }, (message, _) =>
            logged.Add(message))).WaitAsync(NoHang);
        var expected = new[] { "ws/a.cachespec.yaml", "ws/dir/b.cachespec.yaml" }.Select(path =>
            ToLsp.Uri(Path.Combine(root.Path, path)));
        Assert.Equal(expected, files.Select(file => file.Uri.Text));
        Assert.Empty(logged);

        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace).WaitAsync(NoHang);
        foreach (var uri in expected)
        {
            await server.WaitForDiagnosticsAsync(uri, p => ((JArray)p["diagnostics"]!).Count == 1);
        }
        var symbols = await server.RequestAsync("workspace/symbol", new { query = "secret" });
        Assert.Empty((JArray)symbols);
        Assert.All(server.Publications, publication => Assert.Contains(publication.Uri, expected));
    }

    [Fact]
    public void The_check_names_an_unreadable_folder_and_file_and_checks_the_other_specs()
    {
        if (Unreadable.Launcher is null)
        {
            output.WriteLine($"Not run: {Unreadable.Why}.");
            return;
        }
        root.Write("ws/locked/d.cachespec.yaml", Spec("d"));
        root.Write("ws/c.cachespec.yaml", Spec("c"));
        Unreadable.Lock(Path.Combine(Workspace, "locked"));
        Unreadable.Lock(Path.Combine(Workspace, "c.cachespec.yaml"));
        var (exit, stdout, stderr) = Unreadable.Run(root.Path, ServerProcess.Executable, "check", "ws", "--format",
            "json");
        output.WriteLine(stderr);
        Assert.Equal(2, exit);
        Assert.Equal(new[] { "ws/a.cachespec.yaml", "ws/dir/b.cachespec.yaml" }, CheckedPaths(stdout));
        var lines = stderr.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line =>
            line.StartsWith("cachespec: cannot read the folder 'ws/locked', so it is not checked: ",
            StringComparison.Ordinal));
        Assert.Contains(lines, line =>
            line.StartsWith("cachespec: cannot read 'ws/c.cachespec.yaml', so it is not checked: ",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_workspace_scan_skips_an_unreadable_folder_and_file_and_loads_the_other_specs()
    {
        if (Unreadable.Launcher is not { } launcher)
        {
            output.WriteLine($"Not run: {Unreadable.Why}.");
            return;
        }
        root.Write("ws/locked/d.cachespec.yaml", Spec("d"));
        var unreadableFile = root.Write("ws/c.cachespec.yaml", Spec("c"));
        Unreadable.Lock(Path.Combine(Workspace, "locked"));
        Unreadable.Lock(unreadableFile);
        await using var server = new ServerProcess(launcher, root.Path);
        await server.InitializeAsync(Workspace);
        foreach (var path in new[] { "ws/a.cachespec.yaml", "ws/dir/b.cachespec.yaml" })
        {
            await server.WaitForDiagnosticsAsync(ToLsp.Uri(Path.Combine(root.Path, path)), p =>
                ((JArray)p["diagnostics"]!).Count == 1);
        }
        var pulled = await server.RequestAsync("textDocument/diagnostic",
            new { textDocument = new { uri = ToLsp.Uri(unreadableFile) } });
        Assert.Empty((JArray)pulled["items"]!);
        Assert.Contains(server.Log, message => message.StartsWith($"Skipped {unreadableFile}: ",
            StringComparison.Ordinal));
        Assert.Equal(0, await server.StopAsync());
    }
}
