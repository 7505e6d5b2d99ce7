using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>A range written backwards (start after end): swap startIp and endIp.</summary>
internal sealed class FirewallRuleInvalidRangeFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { } cache
            || cache.FirewallRules.FirstOrDefault(rule => context.IsOn(rule.EndIpText?.Node))
                is not { StartIpText: { } startText, EndIpText: { } endText, StartIp: { } start, EndIp: { } end }
            || start.Value <= end.Value)
        {
            yield break;
        }
        var file = cache.Document.File;
        if (YamlEdits.ReplaceScalar(file, startText.Node,
            YamlText.StringLike(file.Text, startText.Node, endText.Value)) is { } startEdit
            && YamlEdits.ReplaceScalar(file, endText.Node,
                YamlText.StringLike(file.Text, endText.Node, startText.Value)) is { } endEdit)
        {
            yield return new CodeFix("Swap startIp and endIp", new[] { startEdit, endEdit }, IsPreferred: true);
        }
    }
}
