using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// A reference to a name that does not exist: use the closest name of its kind, as the rule's "did you mean" does.
/// </summary>
internal sealed class UnresolvedReferenceFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document
            || FormatLocator.At(document, context.Span)
                is not { IsKey: false, Node: ScalarSyntax { IsNull: false } scalar, NodeType: ScalarType type })
        {
            yield break;
        }
        var model = context.Model;
        var candidates = type.Kind switch
        {
            ValueKind.SubnetReference or ValueKind.AddressSelector =>
                model.Subnets.Select(subnet => subnet.QualifiedName),
            ValueKind.NsgReference => model.NetworkSecurityGroups.Select(nsg => nsg.Name?.Value),
            ValueKind.CacheReference => model.Caches.Select(cache => cache.Name?.Value),
            _ => Enumerable.Empty<string?>(),
        };
        // A suggestion that is itself malformed would trade this finding for invalid-value.
        if (Suggestions.Closest(scalar.Value, candidates.OfType<string>()) is { } suggestion
            && suggestion != scalar.Value
            && (type.PatternRegex?.IsMatch(suggestion) ?? true)
            && YamlEdits.ReplaceScalar(context.File, scalar,
                YamlText.StringLike(context.File.Text, scalar, suggestion)) is { } edit)
        {
            yield return new CodeFix($"Change '{scalar.Value}' to '{suggestion}'", new[] { edit }, IsPreferred: true);
        }
    }
}
