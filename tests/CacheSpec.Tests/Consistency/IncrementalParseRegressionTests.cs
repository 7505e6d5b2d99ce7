using CacheSpec.Analysis.Model;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using LspRange = CacheSpec.Server.Lsp.Protocol.Range;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// Edits the consistency property tests found where re-parsing one list item gives another tree than parsing the whole
/// text, shrunk to a few lines and replayed through ServerWorkspace's public API.
/// </summary>
public class IncrementalParseRegressionTests
{
    private const string UriText = "file:///regression/a.cachespec.yaml";
    private static readonly DocumentUri Uri = new(UriText);

    private static void AssertLikeAFreshOpen(string text, LspRange range, string inserted)
    {
        var workspace = new ServerWorkspace();
        workspace.Open(Uri, 1, text);
        var client = new ClientDocument(UriText, text);
        var start = client.LineStarts()[range.Start.Line] + range.Start.Character;
        var end = client.LineStarts()[range.End.Line] + range.End.Character;
        var change = client.Replace(start, end, inserted);
        workspace.Change(Uri, 2, new[] { change });
        var edited = workspace.Current.Find(Uri)!.File;
        Assert.Equal(client.Text, edited.Text.Text);
        Assert.Equal(Observed.Tree(SpecFile.Create(UriText, client.Text).Syntax), Observed.Tree(edited.Syntax));
    }

    [Theory]
    [InlineData("caches:\n  - name: a\n    firewallRules:\n  -\n        startIp: 1.2.3.4\n", 3)]
    [InlineData(
        "caches:\n  - name: a\n    firewallRules:\n  - # a comment on the dash line\n        startIp: 1.2.3.4\n", 4)]
    public void Deleting_the_dash_of_an_item_whose_content_starts_on_the_next_line_joins_it_to_the_item_before(
        string text, int dashLength)
    {
        // The next item's node starts on the line after its dash, so that dash line was counted in the previous item's
        // region.
        AssertLikeAFreshOpen(text, new LspRange(new Position(3, 0), new Position(3, dashLength)), "");
    }

    [Fact]
    public void A_directive_line_inside_an_item_ends_the_document()
    {
        // "%x" at the start of a line is a directive: the whole text reports a missing document end and reads no
        // further, while the item read alone ends its own document there and parses cleanly.
        AssertLikeAFreshOpen("caches:\n  - name: a\n\n  - name: b\n", new LspRange(new Position(2, 0), new Position(2,
            0)), "%x");
    }
}
