using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Xunit.Abstractions;

namespace CacheSpec.Tests.Security;

/// <summary>
/// Files that are not regular files, named as a spec or a cachespec.json: a FIFO blocks whoever opens it for reading
/// until a writer comes, so neither host may open one it found, in the workspace or above it.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempFolder root = new();
    private readonly ITestOutputHelper output;

    public SpecialFileTests(ITestOutputHelper output)
    {
        this.output = output;
        SpecPath = root.Write("ws/a.cachespec.yaml", Specs.Header);
    }

    private string Workspace => Path.Combine(root.Path, "ws");

    private string SpecPath { get; }

    private string PipeSpec => Path.Combine(Workspace, "p.cachespec.yaml");

    private string InnerConfiguration => Path.Combine(Workspace, "cachespec.json");

    private string OuterConfiguration => Path.Combine(root.Path, "cachespec.json");

    public void Dispose()
    {
        Fifo.Release(PipeSpec, InnerConfiguration, OuterConfiguration);
        root.Dispose();
    }

    [Fact]
    public async Task The_check_ends_and_names_a_fifo_cachespec_json_in_the_folder_and_ignores_one_above_it()
    {
        if (!MakeFifos(PipeSpec, OuterConfiguration))
        {
            return;
        }
        var outside = await CheckAsync(Workspace);
        Assert.Equal(0, outside.Exit);

        Assert.True(Fifo.TryCreate(InnerConfiguration));
        var inside = await CheckAsync(Workspace);
        Assert.Equal(2, inside.Exit);
        Assert.Contains($"{InnerConfiguration}: it is empty or not a regular file", inside.Err);
    }

    [Fact]
    public async Task The_server_answers_beside_fifos_named_as_a_spec_and_as_cachespec_json()
    {
        if (!MakeFifos(PipeSpec, InnerConfiguration, OuterConfiguration))
        {
            return;
        }
        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace).WaitAsync(Patience);
        await server.WaitForDiagnosticsAsync(ToLsp.Uri(SpecPath)).WaitAsync(Patience);
        var pipeUri = ToLsp.Uri(PipeSpec);
        await server.NotifyAsync("workspace/didChangeWatchedFiles",
            new { changes = new[] { new { uri = pipeUri, type = 2 } } });
        await server.OpenAsync(pipeUri, Specs.Header);
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = pipeUri } });
        var symbols = await server.RequestAsync("textDocument/documentSymbol",
            new { textDocument = new { uri = ToLsp.Uri(SpecPath) } }).WaitAsync(Patience);
        Assert.NotNull(symbols);
        Assert.Contains(server.Logged, message =>
            message.StartsWith(InnerConfiguration + ": it is empty or not a regular file", StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Out, string Err)> CheckAsync(string folder)
    {
        var run = Task.Run(() => CommandLineRunner.Run("check", folder, "--fail-on", "none"));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(Patience)));
        return await run;
    }

    private bool MakeFifos(params string[] paths)
    {
        if (paths.All(Fifo.TryCreate))
        {
            return true;
        }
        output.WriteLine("mkfifo is not available here, so this test does not run.");
        return false;
    }
}
