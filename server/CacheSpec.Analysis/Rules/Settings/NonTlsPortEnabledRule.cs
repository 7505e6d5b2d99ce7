using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class NonTlsPortEnabledRule : CacheRule
{
    public override string Id => "non-tls-port-enabled";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary => "tls.nonSslPort is true: port 6379 accepts unencrypted connections.";
    public override FixProvider Fix { get; } = new NonTlsPortEnabledFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.NonSslPort is { Value: true } port)
        {
            context.Report(cache.Document, port.Node,
                $"Cache '{cache.DisplayName}' opens the non-TLS port 6379: traffic and access keys cross the network " +
                "in clear text.");
        }
    }
}
