using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

public class SuppressionTests
{
    private const string Open = Specs.Header
        + "caches:\n  - name: c\n    tier: Basic\n    size: C0\n    isolation:\n      {0}\n      " +
            "publicNetworkAccess: Enabled\n";

    private static IReadOnlyList<string> CodesWith(string comment) => Specs.Analyze(Open.Replace("{0}", comment))
        .Codes();

    [Fact]
    public void A_suppression_with_a_reason_silences_its_rule_on_the_next_line()
    {
        Assert.Contains("no-network-isolation", CodesWith("# a plain comment"));
        Assert.Empty(CodesWith("# cachespec-disable-next-line no-network-isolation -- sandbox cache"));
    }

    [Fact]
    public void Several_rules_can_be_named_and_blank_or_comment_lines_are_skipped()
    {
        var text = Open.Replace("{0}",
            "# cachespec-disable-next-line non-tls-port-enabled, no-network-isolation -- legacy\n      # another " +
                "comment\n");
        Assert.Equal(new[] { "unused-suppression" }, Specs.Analyze(text).Codes());
    }

    [Theory]
    [InlineData("# cachespec-disable-next-line no-network-isolation", "invalid-suppression")]
    [InlineData("# cachespec-disable-next-line -- no rule", "invalid-suppression")]
    [InlineData("# cachespec-disable-next-line no-such-rule -- why", "invalid-suppression")]
    [InlineData("# cachespec-disable-next-line yaml-syntax -- why", "invalid-suppression")]
    public void Malformed_suppressions_are_reported_and_silence_nothing(string comment, string code)
    {
        var codes = CodesWith(comment);
        Assert.Contains(code, codes);
        Assert.Contains("no-network-isolation", codes);
    }

    [Fact]
    public void Syntax_errors_cannot_be_silenced()
    {
        var codes = Specs.Analyze(Specs.Header + "# cachespec-disable-next-line yaml-syntax -- no\ncaches: [\n")
            .Codes();
        Assert.Contains("yaml-syntax", codes);
        Assert.Contains("invalid-suppression", codes);
    }

    [Fact]
    public void A_hash_inside_a_value_is_not_a_suppression()
    {
        var text = Open.Replace("{0}", "").Replace("name: test",
            "name: test\n  description: \"# cachespec-disable-next-line no-network-isolation -- x\"");
        Assert.Contains("no-network-isolation", Specs.Analyze(text).Codes());
    }
}
