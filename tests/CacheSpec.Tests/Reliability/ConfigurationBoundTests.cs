using System.Text;
using CacheSpec.Analysis.Rules;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Tests.Lsp;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>
/// A cachespec.json is bounded: past the size bound it is not read (by either host, nor by the "Configure rule" code
/// action), and its problems are reported up to a cap, then counted.
/// </summary>
public sealed class ConfigurationBoundTests : IDisposable
{
    private const int SizeBound = 1024 * 1024;
    private readonly TempFolder root = new();

    public void Dispose() => root.Dispose();

    /// <summary>A valid configuration padded with spaces to the given length in bytes.</summary>
    public static string Padded(int length)
    {
        const string json = "{\"rules\": {\"minimum-tls-version\": \"off\"}}";
        return json + new string(' ', length - json.Length);
    }

    /// <summary>A configuration of valid JSON with the given number of keys that are not settings.</summary>
    public static string UnknownKeys(int count)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append($"\"k{i}\":0");
        }
        return text.Append('}').ToString();
    }

    [Fact]
    public void A_cachespec_json_of_the_size_bound_is_read_and_one_byte_more_is_not()
    {
        root.Write("cachespec.json", Padded(SizeBound));
        root.Write("a.cachespec.yaml", Specs.Header);
        Assert.Equal(0, CommandLineRunner.Run("check", root.Path).Exit);

        root.Write("cachespec.json", Padded(SizeBound + 1));
        var (exit, _, error) = CommandLineRunner.Run("check", root.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(root.Path, "cachespec.json")}: it is larger than 1 MiB", error);
    }

    [Fact]
    public void A_configuration_reports_its_first_twenty_problems_and_counts_the_others()
    {
        RuleCatalog.ParseConfiguration(UnknownKeys(50_000), out var problems);
        Assert.Equal(21, problems.Count);
        Assert.Equal("\"k19\" is not a setting (expected guidance, cloud and rules)", problems[19]);
        Assert.Equal("and 49,980 more problems", problems[20]);
    }

    [Fact]
    public async Task The_server_logs_at_most_twenty_one_lines_about_one_configuration()
    {
        var configuration = root.Write("cachespec.json", UnknownKeys(50_000));
        var spec = root.Write("a.cachespec.yaml", Specs.Header);
        await using var server = new InProcessServer();
        await server.InitializeAsync(root.Path);
        await server.WaitForDiagnosticsAsync(ToLsp.Uri(spec));
        Assert.Equal(21, server.Logged.Count(message => message.StartsWith(configuration, StringComparison.Ordinal)));
    }
}
