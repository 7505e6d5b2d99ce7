using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Syntax;

public class YamlTreeBuilderTests
{
    private static SyntaxTree Parse(string text) => SyntaxTree.Parse(new SourceText(text));

    [Fact]
    public void Nodes_carry_exact_spans()
    {
        var tree = Parse("caches:\n  - name: alpha\n    tier: Premium\n");
        var root = Assert.IsType<MappingSyntax>(tree.Documents.Single().Root);
        var cache = Assert.IsType<MappingSyntax>(Assert.IsType<SequenceSyntax>(root.Get("caches")).Items[0]);
        var name = Assert.IsType<ScalarSyntax>(cache.Get("name"));
        Assert.Equal("alpha", tree.Text.GetText(name.Span));
        Assert.Equal(new LineRange(new LinePosition(1, 10), new LinePosition(1, 15)), tree.Text.GetRange(name.Span));
        Assert.Equal("tier", tree.Text.GetText(cache.Find("tier")!.Key.Span));
        Assert.Empty(tree.Errors);
    }

    [Fact]
    public void Spans_count_utf16_after_astral_characters_and_crlf()
    {
        var tree = Parse("metadata:\r\n  description: \"😀 x\"\r\n  name: beta\r\n");
        var metadata = (MappingSyntax)((MappingSyntax)tree.Documents[0].Root!).Get("metadata")!;
        var name = (ScalarSyntax)metadata.Get("name")!;
        Assert.Equal(new LinePosition(2, 8), tree.Text.GetPosition(name.Span.Start));
        Assert.Equal("beta", tree.Text.GetText(name.Span));
        var description = (ScalarSyntax)metadata.Get("description")!;
        Assert.Equal("\"😀 x\"", tree.Text.GetText(description.Span));
    }

    [Fact]
    public void Multiple_documents_are_read()
    {
        var tree = Parse("a: 1\n---\nb: 2\n---\nc: 3\n");
        Assert.Equal(3, tree.Documents.Count);
        Assert.All(tree.Documents, document => Assert.IsType<MappingSyntax>(document.Root));
    }

    [Fact]
    public void A_syntax_error_keeps_what_was_read_and_the_next_documents()
    {
        var tree = Parse("first: 1\nsecond: [unclosed\n---\nthird: 3\n");
        var error = Assert.Single(tree.Errors);
        Assert.True(tree.Text.GetPosition(error.Span.Start).Line >= 1);
        var firstRoot = Assert.IsType<MappingSyntax>(tree.Documents[0].Root);
        Assert.NotNull(firstRoot.Find("first"));
        Assert.Contains(tree.Documents, document => document.Root is MappingSyntax mapping
            && mapping.Find("third") is not null);
    }

    [Fact]
    public void A_key_being_typed_leaves_the_rest_of_the_mapping_intact()
    {
        var tree = Parse("caches:\n  - name: alpha\n    tier: Premium\n    isol\n");
        Assert.NotEmpty(tree.Errors);
        var root = (MappingSyntax)tree.Documents[0].Root!;
        var cache = (MappingSyntax)((SequenceSyntax)root.Get("caches")!).Items[0];
        Assert.Equal("Premium", ((ScalarSyntax)cache.Get("tier")!).Value);
    }

    [Fact]
    public void Duplicate_keys_are_syntax_errors_at_the_second_key()
    {
        var tree = Parse("a: 1\nb: 2\na: 3\n");
        var error = Assert.Single(tree.Errors);
        Assert.Equal(new LinePosition(2, 0), tree.Text.GetPosition(error.Span.Start));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Aliases_share_their_anchor_instead_of_copying()
    {
        var tree = Parse("base: &tls\n  minimumVersion: \"1.2\"\nother: *tls\n");
        var root = (MappingSyntax)tree.Documents[0].Root!;
        Assert.Same(root.Get("base"), root.Get("other"));
    }

    [Fact]
    public void An_unknown_alias_is_an_error_not_an_exception()
    {
        var tree = Parse("a: *missing\n");
        Assert.Contains(tree.Errors, error => error.Message.Contains("missing"));
    }

    [Theory]
    [InlineData("a:\n\t- b")]
    [InlineData("a: [1, 2")]
    [InlineData("{")]
    [InlineData("a: b: c")]
    [InlineData("- a\nb: c")]
    [InlineData("\0")]
    [InlineData("a: \"unterminated")]
    [InlineData("a: [1,\nb: 2")]
    [InlineData("&a [*a]")]
    [InlineData("%YAML 9.9\n---\na")]
    public void Broken_text_gives_errors_inside_the_document(string text)
    {
        var tree = Parse(text);
        Assert.NotEmpty(tree.Errors);
        Assert.All(tree.Errors, error => Assert.InRange(error.Span.End, error.Span.Start, text.Length));
    }

    [Fact]
    public void An_empty_text_has_no_errors()
    {
        Assert.Empty(Parse(string.Empty).Errors);
        Assert.Empty(Parse("# only a comment\n").Errors);
    }
}
