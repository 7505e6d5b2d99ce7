using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Tests.Support;

/// <summary>Small helpers to analyse specs written inline in tests.</summary>
public static class Specs
{
    public const string Header = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: test\n";

    /// <summary>One Basic cache open to the public network: its one finding is no-network-isolation.</summary>
    public const string PublicCache = Header
        + "caches:\n  - name: a\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: Enabled\n";

    public static AnalysisResult Analyze(string text, GuidanceProfile? profile = null) =>
        SpecAnalyzer.Analyze(new[] { ("test.cachespec.yaml", text) }, profile);

    public static AnalysisResult AnalyzeFiles(params (string Path, string Text)[] files) => SpecAnalyzer.Analyze(files);

    public static IReadOnlyList<string> Codes(this AnalysisResult result) => result.Diagnostics.Select(d => d.Code)
        .ToArray();

    /// <summary>Each finding as "line:column code" (zero-based), the form the reliability tests state their
    /// expectations in.</summary>
    public static string[] Found(AnalysisResult analysis) =>
        analysis.Diagnostics.Select(d => $"{d.Range.Start.Line}:{d.Range.Start.Character} {d.Code}").ToArray();

    /// <summary>A valid spec with one network and the given number of caches, alternating private endpoints, VNet
    /// injection and firewall rules.</summary>
    public static string ManyCaches(int count)
    {
        var text = new System.Text.StringBuilder(Header);
        text.Append(
            "guidance: current\nnetworks:\n  - name: hub\n    region: westeurope\n    addressSpace: [10.0.0.0/16]\n  " +
            "  subnets:\n")
            .Append("      - name: endpoints\n        addressPrefix: 10.0.1.0/24\n")
            .Append("      - name: redis\n        addressPrefix: 10.0.2.0/24\n")
            .Append("# the caches\ncaches:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - name: cache-").Append(i).Append('\n').Append("    region: westeurope\n");
            switch (i % 3)
            {
                case 0:
                    text.Append(
                        "    tier: Premium\n    size: P1\n    isolation:\n      publicNetworkAccess: Disabled\n      " +
                        "privateEndpoints:\n")
                        .Append("        - name: pe-").Append(i).Append("\n          subnet: hub/endpoints\n");
                    break;
                case 1:
                    text.Append(
                        "    tier: Premium\n    size: P1\n    # injected\n    isolation:\n      vnetInjection:\n     " +
                        "   subnet: hub/redis\n\n");
                    break;
                default:
                    text.Append(
                        "    tier: Standard\n    size: C1\n    isolation:\n      publicNetworkAccess: Enabled\n      " +
                        "firewallRules:\n")
                        .Append("        - { name: office, startIp: 203.0.113.").Append(i % 200)
                            .Append(", endIp: 203.0.113.").Append(i % 200 + 10).Append(" }\n");
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>One line per diagnostic: "line:col-line:col severity code message", zero-based, for baselines and
    /// readable failures.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d =>
            $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} " +
                $"{d.Severity.ToString().ToLowerInvariant()} {d.Code} {d.Message}\n"));
}
