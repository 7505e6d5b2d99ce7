using CacheSpec.Analysis.Text;
using CsCheck;

namespace CacheSpec.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb", 1, 0, 2)]
    [InlineData("a\r\nb", 1, 0, 3)]
    [InlineData("a\rb", 1, 0, 2)]
    [InlineData("ab", 0, 1, 1)]
    public void Positions_follow_lsp_line_breaks(string text, int line, int character, int offset)
    {
        var source = new SourceText(text);
        Assert.Equal(new LinePosition(line, character), source.GetPosition(offset));
        Assert.Equal(offset, source.GetOffset(new LinePosition(line, character)));
    }

    [Fact]
    public void Characters_are_utf16_code_units()
    {
        // "😀" is two UTF-16 code units: the character after it is at column 3 on its line.
        var source = new SourceText("x: 1\n😀y: 2\n");
        var offsetOfY = source.Text.IndexOf('y');
        Assert.Equal(new LinePosition(1, 2), source.GetPosition(offsetOfY));
    }

    [Fact]
    public void Offsets_clamp_to_the_text()
    {
        var source = new SourceText("ab\ncd");
        Assert.Equal(2, source.GetOffset(new LinePosition(0, 99)));
        Assert.Equal(5, source.GetOffset(new LinePosition(99, 0)));
        Assert.Equal(5, source.GetOffset(new LinePosition(1, int.MaxValue)));
        Assert.Equal(new LinePosition(1, 2), source.GetPosition(1000));
        Assert.Equal("cd", source.GetLineText(1));
    }

    [Theory]
    [InlineData("a\rb", 2, 2, "\n")] // the inserted "\n" joins the "\r" before it: one line break, not two
    [InlineData("a\r\nb", 1, 2, "")] // the "\r" of a "\r\n" deleted: the "\n" alone still breaks the line
    [InlineData("a\r\nb", 2, 3, "")] // the "\n" deleted: the "\r" alone still does
    [InlineData("ab\ncd", 1, 1, "\r")] // a "\r" inserted before text: a new line
    [InlineData("ab\ncd", 2, 2, "\r")] // a "\r" inserted before a "\n": the pair is one break
    [InlineData("ab\ncd\nef", 0, 8, "x")] // everything but the last character replaced
    [InlineData("", 0, 0, "a\nb\r\nc\r")]
    public void A_change_keeps_the_line_index_of_a_fresh_text(string text, int start, int end, string inserted)
    {
        AssertSameLines(new SourceText(text).WithChange(TextSpan.FromBounds(start, end), inserted));
    }

    [Fact]
    public void Any_change_keeps_the_line_index_of_a_fresh_text()
    {
        var texts = Gen.String[Gen.Char["ab\r\n"], 0, 40];
        (from text in texts
         from start in Gen.Int[0, text.Length]
         from end in Gen.Int[start, text.Length]
         from inserted in texts
         select (text, start, end, inserted))
            .Sample(change => AssertSameLines(new SourceText(change.text).WithChange(TextSpan.FromBounds(change.start,
                change.end), change.inserted)), iter: 20_000);
    }

    /// <summary>The derived index answers every line as the index of the same text computed from scratch.</summary>
    private static void AssertSameLines(SourceText changed)
    {
        var fresh = new SourceText(changed.Text);
        Assert.Equal(fresh.LineCount, changed.LineCount);
        for (var line = 0; line < fresh.LineCount; line++)
        {
            Assert.Equal(fresh.GetLineStart(line), changed.GetLineStart(line));
        }
    }
}
