using System.Diagnostics;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Support;
using Xunit.Abstractions;

namespace CacheSpec.Tests.Security;

/// <summary>
/// The real "cachespec check" and "cachespec serve" processes, traced with "strace -f" over a <see
/// cref="HostileWorkspace"/>: no program is started (the only execve is strace starting cachespec), no network socket
/// is opened (the only sockets are the .NET runtime's local diagnostics channel, AF_UNIX), and every file opened inside
/// the workspace is a folder being listed, a spec or a cachespec.json, none of them a symbolic link and none for
/// writing; nothing beside the workspace is opened. scripts/test.mjs installs strace; where it cannot trace (no ptrace
/// in the container), the tests say so and do not run.
/// </summary>
public class SystemCallTests
{
    private const string Traced = "execve,execveat,fork,vfork,socket,connect,bind,open,openat,openat2,creat";

    private readonly ITestOutputHelper output;

    public SystemCallTests(ITestOutputHelper output) => this.output = output;

    private static string? Strace { get; } = new[] { "/usr/bin/strace", "/bin/strace" }.FirstOrDefault(File.Exists);

    private static readonly Lazy<string?> WhyNot = new(() =>
    {
        if (Strace is null)
        {
            return "strace is not installed (scripts/test.mjs installs it with apt-get)";
        }
        using var probe = Process.Start(new ProcessStartInfo(Strace, new[] { "-f", "-qq", "-o", "/dev/null",
            "true" })
        { RedirectStandardError = true })!;
        var error = probe.StandardError.ReadToEnd();
        probe.WaitForExit(10_000);
        return probe.ExitCode == 0 ? null : $"strace cannot trace here: {error.Trim()}";
    });

    private static string[] Launcher(string log) => new[] { Strace!, "-f", "-qq", "-s", "256", "-e", $"trace={Traced}",
        "-o", log };

    [Fact]
    public async Task Check_starts_nothing_opens_no_network_socket_and_reads_only_the_workspaces_specs()
    {
        if (WhyNot.Value is { } reason)
        {
            output.WriteLine($"Not run: {reason}.");
            return;
        }
        using var workspace = new HostileWorkspace(linkedConfiguration: false);
        var log = Path.Combine(workspace.Root, "check.strace");
        var start = new ProcessStartInfo(Launcher(log)[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workspace.Root
        };
        foreach (var arg in Launcher(log).Skip(1).Concat(new[] { ServerProcess.Executable, "check", "ws", "--format",
            "json" }))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine(await stderr);
        Assert.Equal(1, process.ExitCode);
        var report = await stdout;
        foreach (var spec in workspace.SpecFiles)
        {
            Assert.Contains($"\"{Path.GetRelativePath(workspace.Root, spec).Replace('\\', '/')}\"", report);
        }
        AssertConfined(workspace, SystemCall.Parse(File.ReadAllText(log)), workspace.Root, workspace.SpecFiles);
    }

    [Fact]
    public async Task Serve_starts_nothing_opens_no_network_socket_and_reads_only_the_workspaces_specs()
    {
        if (WhyNot.Value is { } reason)
        {
            output.WriteLine($"Not run: {reason}.");
            return;
        }
        using var workspace = new HostileWorkspace(linkedConfiguration: true);
        var log = Path.Combine(workspace.Root, "serve.strace");
        await using (var server = new ServerProcess(Launcher(log), workspace.Root))
        {
            await server.InitializeAsync(workspace.Workspace);
            foreach (var spec in workspace.SpecFiles)
            {
                await server.WaitForDiagnosticsAsync(ToLsp.Uri(spec));
            }
            // Every request that reads the model or the guidance, on an open document, then the watched files the
            // server registered for.
            var a = Path.Combine(workspace.Workspace, "a.cachespec.yaml");
            var uri = ToLsp.Uri(a);
            await server.NotifyAsync("textDocument/didOpen", new
            {
                textDocument = new
                {
                    uri,
                    languageId = "cachespec",
                    version = 1,
                    text = File.ReadAllText(a)
                }
            });
            await server.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version = 2 },
                contentChanges = new[] { new { text = File.ReadAllText(a).Replace("size: C0", "size: P1") } },
            });
            var position = new { line = 7, character = 6 };
            foreach (var method in new[] { "textDocument/hover", "textDocument/completion", "textDocument/definition",
                "textDocument/documentHighlight" })
            {
                await server.RequestAsync(method, new { textDocument = new { uri }, position });
            }
            await server.RequestAsync("textDocument/references", new
            {
                textDocument = new { uri },
                position,
                context = new { includeDeclaration = true }
            });
            await server.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
            await server.RequestAsync("textDocument/inlayHint", new
            {
                textDocument = new { uri },
                range = new { start = new { line = 0, character = 0 }, end = new { line = 20, character = 0 } }
            });
            var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
            await server.RequestAsync("textDocument/codeAction", new
            {
                textDocument = new { uri },
                range = new { start = new { line = 0, character = 0 }, end = new { line = 20, character = 0 } },
                context = new { diagnostics = pulled["items"] }
            });
            await server.RequestAsync("workspace/symbol", new { query = "cache" });
            await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
            await server.NotifyAsync("workspace/didChangeWatchedFiles", new
            {
                changes = new[]
                {
                    new { uri = ToLsp.Uri(Path.Combine(workspace.Workspace, "sub", "b.cachespec.yaml")),
                        type = 2 },
                    new { uri = ToLsp.Uri(Path.Combine(workspace.Workspace, "cachespec.json")), type = 2 },
                },
            });
            await server.WaitForDiagnosticsAsync(ToLsp.Uri(Path.Combine(workspace.Workspace, "linked-config",
                "c.cachespec.yaml")));
            Assert.Contains(server.Log, message =>
                message.Contains("cachespec.json: it is a symbolic link, which is not followed",
                StringComparison.Ordinal));
            Assert.Equal(0, await server.StopAsync());
        }
        AssertConfined(workspace, SystemCall.Parse(File.ReadAllText(log)), workspace.Root, workspace.SpecFiles);
    }

    private void AssertConfined(HostileWorkspace workspace, IReadOnlyList<SystemCall> calls, string workingDirectory,
        IEnumerable<string> specs)
    {
        Assert.NotEmpty(calls);
        output.WriteLine(
            $"{calls.Count} calls traced: " +
            $"{string.Join(", ", calls.GroupBy(call => call.Name).Select(group => $"{group.Key} {group.Count()}"))}");

        var started = calls.Where(call => call.Name is "execve" or "execveat" or "fork" or "vfork").ToArray();
        var first = Assert.Single(started);
        Assert.Equal(ServerProcess.Executable, first.Path);

        // The runtime's diagnostics channel (dotnet-diagnostic-<pid>-...-socket in TMPDIR, for dotnet-trace and
        // dotnet-counters) is a Unix domain socket; it carries nothing of the workspace and can be turned off with
        // DOTNET_EnableDiagnostics=0.
        Assert.All(calls.Where(call => call.Name == "socket"), call => Assert.StartsWith("AF_UNIX", call.Arguments,
            StringComparison.Ordinal));
        Assert.All(calls.Where(call => call.Name is "connect" or "bind"), call => Assert.Contains("sa_family=AF_UNIX",
            call.Arguments, StringComparison.Ordinal));

        var opened = calls.Where(call => call.Name is "open" or "openat" or "openat2" or "creat"
            && call.Path is not null)
            .Select(call => (Call: call, Path: Path.GetFullPath(Path.Combine(workingDirectory, call.Path!))))
            .ToArray();
        var allowedFiles = specs.Append(Path.Combine(workspace.Workspace, "cachespec.json"))
            .ToHashSet(StringComparer.Ordinal);
        var root = workspace.Root + Path.DirectorySeparatorChar;
        var inside = opened.Where(open => open.Path.StartsWith(root, StringComparison.Ordinal)
            || open.Path == workspace.Root).ToArray();
        output.WriteLine(string.Join("\n", inside.Select(open => open.Call.ToString())));
        foreach (var (call, path) in inside)
        {
            var isFolder = Directory.Exists(path) && new FileInfo(path).LinkTarget is null;
            var isFolderToList = isFolder && (path == workspace.Workspace || path.StartsWith(workspace.Workspace
                + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            Assert.True(isFolderToList || allowedFiles.Contains(path),
                $"opened {path}, which is neither a spec nor a cachespec.json of the workspace: {call}");
        }
        Assert.DoesNotContain(opened, open => open.Path.StartsWith(workspace.Outside, StringComparison.Ordinal));
        Assert.DoesNotContain(inside, open => open.Call.Name == "creat" || open.Call.Arguments.Contains("O_WRONLY",
            StringComparison.Ordinal)
            || open.Call.Arguments.Contains("O_RDWR", StringComparison.Ordinal)
                || open.Call.Arguments.Contains("O_CREAT", StringComparison.Ordinal));
        Assert.Contains(inside, open => open.Path.EndsWith("a.cachespec.yaml", StringComparison.Ordinal));
        Assert.False(File.Exists(workspace.Marker), "something in the workspace was executed");
    }
}
