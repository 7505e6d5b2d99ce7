using System.Text.Json;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private const string CleanSpec = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: clean
        caches:
          - name: office-cache
            tier: Standard
            size: C1
            isolation:
              publicNetworkAccess: Enabled
              firewallRules:
                - name: office
                  startIp: 203.0.113.0
                  endIp: 203.0.113.255
        """;

    private const string WarningSpec = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: open
        caches:
          - name: open-cache
            tier: Basic
            size: C0
            isolation:
              publicNetworkAccess: Enabled
        """;

    private const string ErrorSpec = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        guidance: 2020-10
        metadata:
          name: wrong
        caches:
          - name: std-cache
            tier: Standard
            size: C1
            isolation:
              publicNetworkAccess: Disabled
              vnetInjection:
                subnet: hub/redis
        """;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => CommandLineRunner.Run(args);

    [Fact]
    public void A_clean_spec_exits_zero_with_a_summary()
    {
        var path = folder.Write("clean.cachespec.yaml", CleanSpec);
        var (exit, output, error) = Run("check", path);
        Assert.Equal(0, exit);
        Assert.Equal("0 errors, 0 warnings, 0 info in 1 file checked.", output.Trim());
        Assert.Empty(error);
    }

    [Fact]
    public void Errors_exit_one_and_print_one_based_positions()
    {
        var path = folder.Write("wrong.cachespec.yaml", ErrorSpec);
        var (exit, output, _) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Contains($"{path}:12:7 error vnet-injection-requires-premium ", output);
        Assert.Contains($"{path}:13:17 error unresolved-reference ", output);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_threshold(string threshold, int expectedExit)
    {
        var path = folder.Write("open.cachespec.yaml", WarningSpec);
        Assert.Equal(expectedExit, Run("check", path, "--fail-on", threshold).Exit);
    }

    [Fact]
    public void Fail_on_none_exits_zero_even_with_errors()
    {
        var path = folder.Write("wrong.cachespec.yaml", ErrorSpec);
        Assert.Equal(0, Run("check", path, "--fail-on=none").Exit);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--guidance", "2019")]
    [InlineData("--fail-on", "fatal")]
    [InlineData("--colour")]
    public void Bad_flags_exit_two_with_one_line(params string[] flags)
    {
        var path = folder.Write("clean.cachespec.yaml", CleanSpec);
        var (exit, output, error) = Run(new[] { "check", path }.Concat(flags).ToArray());
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("cachespec: ", error);
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("lint", "x")]
    public void Usage_errors_exit_two(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_path_exits_two()
    {
        var (exit, _, error) = Run("check", Path.Combine(folder.Path, "nothing-here"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Arguments_that_hold_no_spec_file_exit_two_and_name_the_paths()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "empty")).FullName;
        folder.Write("empty/notes.yaml", "not a spec\n");
        var (exit, output, error) = Run("check", empty);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal($"cachespec: no spec file (*.cachespec.yaml, *.cachespec.yml) found in '{empty}'\n",
            error.Replace("\r\n", "\n"));

        folder.Write("specs/clean.cachespec.yaml", CleanSpec);
        var (withSpecs, _, _) = Run("check", empty, Path.Combine(folder.Path, "specs"));
        Assert.Equal(0, withSpecs);
    }

    [Fact]
    public void An_empty_spec_file_is_a_spec_without_apiVersion_or_kind()
    {
        var path = folder.Write("empty.cachespec.yaml", "# to be written\n");
        var (exit, output, _) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Contains("1:1 error missing-required The spec is empty: it has no 'apiVersion', which is required.",
            output, StringComparison.Ordinal);
        Assert.Contains("1:1 error missing-required The spec is empty: it has no 'kind', which is required.", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_escapes_control_characters_so_a_spec_cannot_forge_a_line()
    {
        // A quoted key holding a line break, a GitHub Actions command and a terminal escape: unknown-key repeats the
        // key.
        var path = folder.Write("forge.cachespec.yaml", CleanSpec.Replace("    tier: Standard",
            "    \"x\\n::error file=a.yaml::forged\\e[31m\": 1\n    tier: Standard"));
        var (exit, output, _) = Run("check", path);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(lines, line => line.StartsWith("::", StringComparison.Ordinal)
            || line.Contains('\u001B'));
        Assert.Contains("Unknown key 'x\\n::error file=a.yaml::forged\\u001B[31m'", lines[0], StringComparison.Ordinal);
        var (_, json, _) = Run("check", path, "--format", "json");
        Assert.Contains("x\\n::error", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipe_named_on_the_command_line_is_read_as_a_stream_beside_the_other_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var pipe = Path.Combine(folder.Path, "piped.cachespec.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
        }
        var other = folder.Write("other.cachespec.yaml", WarningSpec);
        var writer = Task.Run(() => File.WriteAllText(pipe, ErrorSpec));
        var (exit, output, error) = Run("check", pipe, other);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, string.Empty), (exit, error));
        Assert.Contains("piped.cachespec.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("other.cachespec.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("in 2 files checked.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_exits_two()
    {
        var path = Path.Combine(folder.Path, "binary.cachespec.yaml");
        File.WriteAllBytes(path, new byte[] { 0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a });
        var (exit, _, error) = Run("check", path);
        Assert.Equal(2, exit);
        Assert.Contains("not UTF-8", error);
    }

    [Fact]
    public void Folders_are_searched_recursively_and_form_one_model()
    {
        folder.Write("net/network.cachespec.yaml", HubNetwork.Text);
        folder.Write("apps/app.cachespec.yaml", """
            apiVersion: cachespec/v1
            kind: CacheIsolationSpec
            metadata:
              name: app
            caches:
              - name: app-cache
                tier: Premium
                size: P1
                isolation:
                  publicNetworkAccess: Disabled
                  privateEndpoints:
                    - name: pe-app
                      subnet: hub/endpoints
            """);
        folder.Write("apps/notes.yaml", "not: a spec");
        var (exit, output, _) = Run("check", folder.Path, "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("path")
            .GetString()).ToArray();
        Assert.Equal(new[] { Path.Combine(folder.Path, "apps", "app.cachespec.yaml"), Path.Combine(folder.Path, "net",
            "network.cachespec.yaml") }, files);
        Assert.All(json.RootElement.GetProperty("files").EnumerateArray(), file =>
            Assert.Empty(file.GetProperty("diagnostics").EnumerateArray()));
    }

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var path = folder.Write("open.cachespec.yaml", WarningSpec);
        var (_, output, _) = Run("check", path, "--format", "json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        var file = json.RootElement.GetProperty("files")[0];
        Assert.Equal(path, file.GetProperty("path").GetString());
        var diagnostic = file.GetProperty("diagnostics")[0];
        Assert.Equal("no-network-isolation", diagnostic.GetProperty("code").GetString());
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Contains("open-cache", diagnostic.GetProperty("message").GetString());
        var start = diagnostic.GetProperty("range").GetProperty("start");
        Assert.Equal(9, start.GetProperty("line").GetInt32());
        Assert.Equal(27, start.GetProperty("character").GetInt32());
    }

    [Fact]
    public void Guidance_overrides_every_spec_profile()
    {
        var path = folder.Write("wrong.cachespec.yaml", ErrorSpec.Replace("tier: Standard", "tier: Premium")
            .Replace("size: C1", "size: P1"));
        Assert.DoesNotContain("vnet-injection-not-recommended", Run("check", path).Out);
        Assert.Contains("vnet-injection-not-recommended", Run("check", path, "--guidance", "current").Out);
    }

    [Fact]
    public void Sarif_output_lists_rules_and_results()
    {
        var path = folder.Write("open.cachespec.yaml", WarningSpec);
        var (_, output, _) = Run("check", path, "--format", "sarif");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(CacheSpec.Analysis.Rules.RuleCatalog.All.Count, rules.Length);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text")
                .GetString()));
            Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
        });
        var result = run.GetProperty("results")[0];
        Assert.Equal("no-network-isolation", result.GetProperty("ruleId").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(10, region.GetProperty("startLine").GetInt32());
        Assert.Equal(28, region.GetProperty("startColumn").GetInt32());
    }
}
