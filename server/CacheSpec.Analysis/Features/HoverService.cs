using System.Globalization;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Hover on a key or enum value (the guidance for the spec's profile), on a reference (what it points to), and on a
/// finding's range (the finding, with why its rule exists). All explanation comes from the guidance documents and rule
/// pages.
/// </summary>
public static class HoverService
{
    public static HoverInfo? Hover(SpecFile file, int offset, AnalysisResult analysis, GuidanceRenderer guidance,
        Func<string, string> rulePageLink)
    {
        var parts = new List<string>();
        TextSpan? span = null;
        var findings = analysis.For(file.Path).Where(diagnostic => diagnostic.Span.ContainsOrTouches(offset)).ToArray();
        foreach (var finding in findings)
        {
            var why = guidance.RuleWhy(finding.Code);
            parts.Add($"**{finding.Severity.ToString().ToLowerInvariant()}** " +
                $"[`{finding.Code}`]({rulePageLink(finding.Code)}): {finding.Message}" +
                (finding.Detail is null ? string.Empty : $"\n\n{finding.Detail}") +
                (why is null ? string.Empty : $"\n\n{FirstParagraph(why)}"));
            span ??= finding.Span;
        }
        if (SyntaxLocator.Find(file, offset) is { } hit)
        {
            var text = hit.IsKey ? guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile)
                : DescribeValue(hit, analysis.Model, guidance);
            if (text is not null)
            {
                parts.Add(text);
                span = hit.Node.Span;
            }
        }
        return parts.Count == 0 ? null : new HoverInfo(string.Join("\n\n---\n\n", parts), span!.Value);
    }

    private static string? DescribeValue(SyntaxHit hit, WorkspaceModel model, GuidanceRenderer guidance)
    {
        var value = hit.Scalar?.Value;
        if (value is null || hit.Field.Type is not (ScalarType or ListType { Item: ScalarType }))
        {
            return null;
        }
        var scalar = hit.Field.Type as ScalarType ?? (ScalarType)((ListType)hit.Field.Type).Item;
        return scalar.Kind switch
        {
            ValueKind.Enum =>
                guidance.Value(hit.Object.Name, hit.Field.Name, value, hit.Document.Profile)
                ?? guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile),
            ValueKind.SubnetReference => ReferenceDescriptions.Subnet(value, model),
            ValueKind.AddressSelector when AddressText.LooksLikeSubnetReference(value) =>
                ReferenceDescriptions.Subnet(value, model),
            ValueKind.NsgReference => ReferenceDescriptions.Nsg(value, model),
            ValueKind.CacheReference => ReferenceDescriptions.Cache(value, model),
            ValueKind.Cidr when Network.Cidr.TryParse(value, out var cidr) =>
                $"**`{cidr}`**: {cidr.AddressCount.ToString(CultureInfo.InvariantCulture)} addresses ({cidr.Range}), " +
                    $"{cidr.UsableAddresses.ToString(CultureInfo.InvariantCulture)} usable in an Azure subnet",
            _ => guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile),
        };
    }

    private static string FirstParagraph(string markdown)
    {
        var end = markdown.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? markdown : markdown[..end];
    }
}
