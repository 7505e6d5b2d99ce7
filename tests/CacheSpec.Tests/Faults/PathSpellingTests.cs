using CacheSpec.Server.Lsp.Workspace;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Faults;

/// <summary>
/// Paths spelled in unusual ways: a workspace folder at the file system's root, and a file name holding a '%', which a
/// URI must escape (a%41b is not aAb).
/// </summary>
public sealed class PathSpellingTests : IDisposable
{
    private readonly TempFolder root = new();

    public PathSpellingTests() => SpecPath = root.Write("a%41b.cachespec.yaml", Specs.Header);

    private string SpecPath { get; }

    private string SpecUri => new Uri(root.Path).AbsoluteUri + "/a%2541b.cachespec.yaml";

    public void Dispose() => root.Dispose();

    [Fact]
    public void A_workspace_folder_at_the_root_of_the_file_system_holds_every_file() =>
        Assert.True(WorkspaceScanner.IsInWorkspace(SpecPath, new[] { Path.GetPathRoot(SpecPath)! }));

    [Fact]
    public async Task A_percent_sign_in_a_file_name_is_escaped_in_the_uri_the_server_publishes()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(root.Path);
        var published = await server.WaitForDiagnosticsAsync(SpecUri, timeoutMs: 5_000);
        Assert.Equal(SpecUri, (string?)published["uri"]);
        Assert.DoesNotContain(server.Publications, publication => publication.Uri.Contains("aAb",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_percent_sign_in_a_file_name_is_escaped_in_sarif()
    {
        var (_, output, _) = CommandLineRunner.Run("check", root.Path, "--format", "sarif");
        var artifact = (string?)JObject.Parse(output)["runs"]![0]!["artifacts"]![0]!["location"]!["uri"];
        Assert.Equal(SpecUri, artifact);
    }
}
