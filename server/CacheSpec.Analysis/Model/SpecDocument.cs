using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Model;

/// <summary>One spec: a YAML document of a file, read into the typed model as far as its text allows.</summary>
public sealed class SpecDocument
{
    public required SpecFile File { get; init; }
    public required DocumentSyntax Syntax { get; init; }

    /// <summary>
    /// The profile the rules apply: the command line's override, else the spec's own "guidance", else current.
    /// </summary>
    public GuidanceProfile Profile { get; internal set; } = GuidanceProfile.Current;

    public Located<string>? Guidance { get; internal set; }

    /// <summary>
    /// The Azure cloud the spec deploys to, which decides its private DNS zones: the spec's own cloud key, else the
    /// configuration's, else the global cloud.
    /// </summary>
    public string Cloud { get; internal set; } = AzureFacts.DefaultCloud;
    public Located<string>? MetadataName { get; internal set; }
    public IReadOnlyList<NetworkModel> Networks { get; internal set; } = Array.Empty<NetworkModel>();
    public IReadOnlyList<NsgModel> NetworkSecurityGroups { get; internal set; } = Array.Empty<NsgModel>();
    public IReadOnlyList<CacheModel> Caches { get; internal set; } = Array.Empty<CacheModel>();

    /// <summary>The private DNS zones the document declares (v1.1).</summary>
    public IReadOnlyList<PrivateDnsZoneModel> PrivateDnsZones { get; internal set; } =
        Array.Empty<PrivateDnsZoneModel>();

    /// <summary>The "privateDnsZones" key, when the document declares zones at all (even none: []).</summary>
    public SyntaxNode? PrivateDnsZonesKey { get; internal set; }

    /// <summary>
    /// Where the document departs from the format (reported by unknown-key, invalid-value and missing-required).
    /// </summary>
    public IReadOnlyList<FormatIssue> FormatIssues { get; internal set; } = Array.Empty<FormatIssue>();

    /// <summary>
    /// The format issues of each top-level list item, for the validation of this document's next text.
    /// </summary>
    internal ItemIssues? ItemIssues { get; set; }

    /// <summary>
    /// Where binding stopped at a limit: aliases that would have read more than
    /// <see cref="AnalysisLimits.MaxAliasedNodes"/>.
    /// </summary>
    public IReadOnlyList<LimitFinding> Limits { get; internal set; } = Array.Empty<LimitFinding>();

    /// <summary>
    /// How many entries and items the model read through aliases (at most
    /// <see cref="AnalysisLimits.MaxAliasedNodes"/>).
    /// </summary>
    public int AliasedNodesRead { get; internal set; }

    public MappingSyntax? Root => Syntax.Root?.Resolved as MappingSyntax;

    /// <summary>
    /// True when the offset lies in a top-level list item (a network, an NSG, a cache) that a syntax error cut short:
    /// what the author wrote after the error is missing from it, so no isolation or settings rule judges it until the
    /// error is fixed.
    /// </summary>
    internal bool IsInItemCutShort(int offset)
    {
        if (!Syntax.IsCutShort || Root is not { } root)
        {
            return false;
        }
        itemsCutShort ??= root.Entries
            .Select(entry => entry.Value.Resolved)
            .OfType<SequenceSyntax>()
            .SelectMany(list => list.Items)
            .Where(item => item.IsCutShort)
            .Select(item => item.Span)
            .ToArray();
        return Array.Exists(itemsCutShort, span => span.ContainsOrTouches(offset));
    }

    private TextSpan[]? itemsCutShort;
}
