using CacheSpec.Server;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Security;

/// <summary>
/// Symbolic links that lead out of the workspace: a cachespec.json found by lookup is not read through a link (its
/// problems would echo the keys of whatever file it names), while one named with --config is; and the language server
/// reads no spec through a link.
/// </summary>
public sealed class SymbolicLinkTests : IDisposable
{
    private readonly TempFolder root = new();

    public SymbolicLinkTests()
    {
        SpecPath = root.Write("ws/a.cachespec.yaml", Specs.PublicCache);
        OutsideConfiguration = root.Write("outside/settings.json",
            "{\"rules\": {\"no-network-isolation\": \"off\"}, \"topSecretSetting\": 1}");
        root.Write("outside/secret.cachespec.yaml", Specs.Header.Replace("name: test", "name: secret")
            + "topSecretKey: hunter2\n");
        File.CreateSymbolicLink(Path.Combine(Workspace, "cachespec.json"), "../outside/settings.json");
    }

    private string Workspace => Path.Combine(root.Path, "ws");

    private string SpecPath { get; }

    private string OutsideConfiguration { get; }

    public void Dispose() => root.Dispose();

    private static (int Exit, string Out, string Err) Check(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args.Prepend("check").ToArray(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_check_does_not_read_a_cachespec_json_found_through_a_symbolic_link()
    {
        var (exit, _, error) = Check(Workspace);
        Assert.Equal(2, exit);
        Assert.Equal(
            $"cachespec: {Path.Combine(Workspace, "cachespec.json")}: it is a symbolic link, which is not followed",
            error.Trim());
        Assert.DoesNotContain("topSecretSetting", error);
    }

    [Fact]
    public void The_check_reads_a_configuration_named_with_config_wherever_it_points()
    {
        var (exit, _, error) = Check(SpecPath, "--config", Path.Combine(Workspace, "cachespec.json"));
        Assert.Equal(2, exit);
        Assert.Contains("\"topSecretSetting\" is not a setting", error);
        File.WriteAllText(OutsideConfiguration, "{\"rules\": {\"no-network-isolation\": \"off\"}}");
        var (cleanExit, output, _) = Check(SpecPath, "--config", Path.Combine(Workspace, "cachespec.json"));
        Assert.Equal(0, cleanExit);
        Assert.DoesNotContain("no-network-isolation", output);
    }

    [Fact]
    public async Task The_server_ignores_a_cachespec_json_found_through_a_symbolic_link()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace);
        var published = await server.WaitForDiagnosticsAsync(ToLsp.Uri(SpecPath));
        Assert.Equal("no-network-isolation", (string?)Assert.Single((JArray)published["diagnostics"]!)["code"]);
    }

    [Fact]
    public async Task The_configure_rule_action_offers_no_edit_to_a_cachespec_json_that_is_a_symbolic_link()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace);
        var uri = ToLsp.Uri(SpecPath);
        var published = await server.WaitForDiagnosticsAsync(uri);
        var diagnostic = Assert.Single((JArray)published["diagnostics"]!);
        var actions = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = diagnostic["range"],
            context = new { diagnostics = new[] { diagnostic }, only = new[] { "quickfix.configure" } },
        });
        Assert.Empty(actions);
    }

    [Fact]
    public async Task The_server_reads_no_spec_through_a_link_named_in_a_watched_file_event_or_a_close()
    {
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "outdir"), "../outside");
        File.CreateSymbolicLink(Path.Combine(Workspace, "linked.cachespec.yaml"), "../outside/secret.cachespec.yaml");
        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace);
        await server.WaitForDiagnosticsAsync(ToLsp.Uri(SpecPath));
        var throughFile = ToLsp.Uri(Path.Combine(Workspace, "linked.cachespec.yaml"));
        var throughFolder = ToLsp.Uri(Path.Combine(Workspace, "outdir", "secret.cachespec.yaml"));
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = throughFile,
            type = 1 }, new { uri = throughFolder, type = 1 } }
        });
        await server.OpenAsync(throughFolder, "apiVersion: cachespec/v1\n");
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = throughFolder } });
        foreach (var uri in new[] { throughFile, throughFolder })
        {
            var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
            Assert.Empty((JArray)pulled["items"]!);
        }
    }
}
