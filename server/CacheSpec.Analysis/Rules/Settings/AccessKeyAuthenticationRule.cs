using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>
/// A Basic, Standard or Premium cache whose spec states its authentication (entraAuthentication or
/// disableAccessKeyAuthentication) and still accepts access keys. A spec silent on authentication is not judged: many
/// isolation specs leave it to another layer, and a finding on every cache would drown the isolation ones.
/// </summary>
public sealed class AccessKeyAuthenticationRule : CacheRule
{
    public override string Id => "access-key-authentication";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(null, DiagnosticSeverity.Info);
    public override string Summary =>
        "A Basic, Standard or Premium cache that states its authentication keeps access keys on.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.Tier?.Value is not (CacheTier.Basic or CacheTier.Standard or CacheTier.Premium)
            || cache.DisableAccessKeyAuthentication is { Value: true })
        {
            return;
        }
        if (cache.DisableAccessKeyAuthentication is { } keys)
        {
            context.Report(cache.Document, keys.Node,
                $"Cache '{cache.DisplayName}' keeps access keys on, shared secrets that grant full access; prefer " +
                    "Microsoft Entra ID (entraAuthentication: true), then set this to true.");
        }
        else if (cache.EntraAuthentication is { Value: true } entra)
        {
            context.Report(cache.Document, entra.Node,
                $"Cache '{cache.DisplayName}' has Entra ID on but still accepts access keys; once every client uses " +
                    "Entra ID, set disableAccessKeyAuthentication: true.");
        }
    }
}
