using System.Text.Json;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Server;
using CacheSpec.Tests.Support;
using Json.Schema;

namespace CacheSpec.Tests.Rules;

/// <summary>cachespec.json: rule levels and the default profile, read by the engine, the command line and the schema
/// alike.</summary>
public class ConfigurationTests
{
    private const string OpenCache = Specs.Header
        + "caches:\n  - name: c\n    tier: Premium\n    size: P1\n    isolation:\n      vnetInjection:\n        " +
            "subnet: hub/redis\n";

    private static AnalysisResult Analyze(string json, string text = OpenCache)
    {
        var configuration = RuleCatalog.ParseConfiguration(json, out var problems);
        Assert.Empty(problems);
        return SpecAnalyzer.Analyze(new[] { SpecFile.Create("a.cachespec.yaml", text, configuration: configuration) });
    }

    [Fact]
    public void Levels_replace_severities_and_off_drops_findings()
    {
        var result = Analyze(
            """{"rules": {"unresolved-reference": "warning", "vnet-injection-not-recommended": "off"}}""");
        Assert.Equal(DiagnosticSeverity.Warning, result.Diagnostics.Single(d => d.Code == "unresolved-reference")
            .Severity);
        Assert.DoesNotContain("vnet-injection-not-recommended", result.Codes());
    }

    [Fact]
    public void The_default_profile_applies_to_specs_that_name_none()
    {
        Assert.DoesNotContain("vnet-injection-not-recommended", Analyze("""{"guidance": "2020-10"}""").Codes());
        Assert.Contains("vnet-injection-not-recommended",
            Analyze("""{"guidance": "2020-10"}""", OpenCache.Replace("metadata:", "guidance: current\nmetadata:"))
            .Codes());
    }

    private const string GovernmentEndpoint = Specs.Header
        + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n    subnets:\n      - name: pe\n" +
            "        addressPrefix: 10.0.1.0/24\ncaches:\n  - name: c\n    tier: Premium\n    size: P1\n" +
            "    isolation:\n      publicNetworkAccess: Disabled\n      privateEndpoints:\n        - name: e\n" +
            "          subnet: hub/pe\n          privateDnsZone: privatelink.redis.cache.usgovcloudapi.net\n";

    [Fact]
    public void The_default_cloud_applies_to_specs_that_name_none()
    {
        Assert.Contains("private-dns-zone", Analyze("{}", GovernmentEndpoint).Codes());
        Assert.DoesNotContain("private-dns-zone",
            Analyze("""{"cloud": "AzureUSGovernment"}""", GovernmentEndpoint).Codes());
        Assert.Contains("private-dns-zone", Analyze("""{"cloud": "AzureUSGovernment"}""",
            GovernmentEndpoint.Replace("metadata:", "cloud: AzureChinaCloud\nmetadata:")).Codes());
    }

    [Fact]
    public void Yaml_syntax_cannot_be_turned_off()
    {
        Assert.Contains("yaml-syntax", Analyze("""{"rules": {"yaml-syntax": "off"}}""", "a: [").Codes());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"rules": {"no-such-rule": "off"}}""", "\"no-such-rule\" is not a rule id")]
    [InlineData("""{"rules": {"public-access-unset": "loud"}}""", "must be off, info, warning or error")]
    [InlineData("""{"guidance": "2019"}""", "\"guidance\" must be")]
    [InlineData("""{"rule": {}}""", "\"rule\" is not a setting")]
    [InlineData("""{"cloud": "AzureGermanCloud"}""", "\"cloud\" must be \"AzureCloud\", \"AzureUSGovernment\"")]
    public void Problems_are_named(string json, string problem)
    {
        RuleCatalog.ParseConfiguration(json, out var problems);
        Assert.Contains(problems, found => found.Contains(problem));
    }

    [Fact]
    public void The_command_line_finds_the_nearest_configuration_in_the_repository_and_honours_config()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("cachespec.json",
            """{"rules": {"unresolved-reference": "off", "vnet-injection-not-recommended": "off"}}""");
        var spec = folder.Write("team/a.cachespec.yaml", OpenCache);
        var stdout = new StringWriter();
        Assert.Equal(0, CommandLine.Run(new[] { "check", spec }, stdout, new StringWriter()));
        var strict = folder.Write("strict.json", """{"rules": {"public-access-unset": "error"}}""");
        Assert.Equal(1, CommandLine.Run(new[] { "check", spec, "--config", strict }, new StringWriter(),
            new StringWriter()));
        var broken = folder.Write("broken.json", "{");
        var stderr = new StringWriter();
        Assert.Equal(2, CommandLine.Run(new[] { "check", spec, "--config", broken }, new StringWriter(), stderr));
        Assert.Contains("not valid JSON", stderr.ToString());
    }

    [Fact]
    public void The_schema_accepts_every_rule_id_and_level()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas",
            "cachespec-config.schema.json")));
        var rules = string.Join(", ", RuleCatalog.All.Select(rule => $"\"{rule.Id}\": \"warning\""));
        var json = "{\"guidance\": \"current\", \"rules\": {" + rules + "}}";
        Assert.True(schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        Assert.False(schema.Evaluate(JsonDocument.Parse("""{"rules": {"x": "loud"}}""").RootElement).IsValid);
    }
}
