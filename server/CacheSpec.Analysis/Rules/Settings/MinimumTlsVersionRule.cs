using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class MinimumTlsVersionRule : CacheRule
{
    public override string Id => "minimum-tls-version";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(DiagnosticSeverity.Warning, DiagnosticSeverity.Error);
    public override string Summary => "tls.minimumVersion is below 1.2.";
    public override FixProvider Fix { get; } = new MinimumTlsVersionFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.MinimumTlsVersion is { Value: "1.0" or "1.1" } version)
        {
            var why = cache.Profile == GuidanceProfile.Current
                ? "TLS 1.0 and 1.1 are retired for Azure Cache for Redis (TLS 1.2 enforced since April 1, 2025)"
                : "TLS 1.2 has been the default minimum for new caches since January 2020";
            context.Report(cache.Document, version.Node,
                $"Cache '{cache.DisplayName}' accepts TLS {version.Value}; {why}. Use \"1.2\".");
        }
    }
}
