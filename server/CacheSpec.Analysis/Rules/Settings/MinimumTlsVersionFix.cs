using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Raise the minimum TLS version to "1.2".</summary>
internal sealed class MinimumTlsVersionFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (QuotedSetting.Replace(context, context.Cache?.MinimumTlsVersion, "minimumVersion", "1.2") is { } fix)
        {
            yield return fix;
        }
    }
}
