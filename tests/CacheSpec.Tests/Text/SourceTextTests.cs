using CacheSpec.Analysis.Text;

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
}
