using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Detach the NAT gateway from the injected subnet: natGateway: false.</summary>
internal sealed class VnetSubnetNatGatewayFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        var subnet = context.Model.SubnetsWithInjectedCaches.FirstOrDefault(candidate =>
            candidate.Network.Document.File == context.File && context.IsOn(candidate.NatGateway?.Node));
        if (subnet?.NatGateway is { } nat
            && YamlEdits.ReplaceScalar(context.File, nat.Node, "false") is { } edit)
        {
            yield return new CodeFix("Set natGateway: false", new[] { edit }, IsPreferred: true);
        }
    }
}
