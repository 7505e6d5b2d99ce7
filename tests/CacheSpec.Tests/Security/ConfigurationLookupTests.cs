using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Security;

/// <summary>
/// The lookup of cachespec.json stops at the top of what was asked for: the workspace folder in the server; in check,
/// the repository (the nearest folder holding .git), else the folder given. Another user of the machine can write in a
/// temporary folder above someone's workspace, so what lies there must not turn rules off.
/// </summary>
public sealed class ConfigurationLookupTests : IDisposable
{
    private const string Rule = "no-network-isolation";
    private readonly TempFolder root = new();

    public ConfigurationLookupTests()
    {
        SpecPath = root.Write("ws/specs/a.cachespec.yaml", Specs.PublicCache);
        root.Write("cachespec.json", $"{{\"rules\": {{\"{Rule}\": \"off\"}}}}");
    }

    private string Workspace => Path.Combine(root.Path, "ws");

    private string SpecPath { get; }

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task The_server_reads_no_cachespec_json_above_the_workspace_folder()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(Workspace);
        var published = await server.WaitForDiagnosticsAsync(ToLsp.Uri(SpecPath));
        Assert.Contains(Rule, ((JArray)published["diagnostics"]!).Select(diagnostic => (string?)diagnostic["code"]));
    }

    [Fact]
    public void The_check_reads_no_cachespec_json_above_the_folder_given_or_the_repository()
    {
        var (_, output, _) = CommandLineRunner.Run("check", Workspace, "--fail-on", "none");
        Assert.Contains(Rule, output);

        Directory.CreateDirectory(Path.Combine(Workspace, "specs", ".git"));
        var (_, inRepository, _) = CommandLineRunner.Run("check", Workspace, "--fail-on", "none");
        Assert.Contains(Rule, inRepository);

        Directory.Delete(Path.Combine(Workspace, "specs", ".git"));
        Directory.CreateDirectory(Path.Combine(root.Path, ".git"));
        var (_, belowRepository, _) = CommandLineRunner.Run("check", Path.Combine(Workspace, "specs"), "--fail-on",
            "none");
        Assert.DoesNotContain(Rule, belowRepository);
    }
}
