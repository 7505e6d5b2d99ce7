using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// A document's URI names one file however the client spells it, and the URI the server writes names the same file.
/// </summary>
public class DocumentUriTests
{
    [Theory]
    [InlineData("/tmp/a%41b.cachespec.yaml", "file:///tmp/a%2541b.cachespec.yaml")]
    [InlineData("/tmp/100%.cachespec.yaml", "file:///tmp/100%25.cachespec.yaml")]
    [InlineData("/tmp/with space/a.cachespec.yaml", "file:///tmp/with%20space/a.cachespec.yaml")]
    [InlineData("/tmp/caf\u00e9.cachespec.yaml", "file:///tmp/caf%C3%A9.cachespec.yaml")]
    public void A_path_becomes_a_uri_that_reads_back_as_the_same_path(string path, string expected)
    {
        var uri = DocumentUri.FromPath(path);
        Assert.Equal(expected, uri.Text);
        Assert.Equal(path, uri.Path);
        Assert.Equal(path, new Uri(uri.Text).LocalPath);
    }

    [Fact]
    public void Spellings_of_one_file_are_one_document_and_a_percent_in_a_name_is_not_another_file()
    {
        var literal = DocumentUri.FromPath("/tmp/a%41b.cachespec.yaml");
        Assert.Equal(literal, new DocumentUri("file:///tmp/a%2541b.cachespec.yaml"));
        Assert.Equal(new DocumentUri("file:///tmp/aAb.cachespec.yaml"),
            new DocumentUri("file:///tmp/a%41b.cachespec.yaml"));
        Assert.NotEqual(literal, new DocumentUri("file:///tmp/aAb.cachespec.yaml"));
        Assert.Equal(new DocumentUri("file:///tmp/c%3Ad/x.yaml"), new DocumentUri("file:///tmp/c:d/x.yaml"));
    }

    [Fact]
    public void A_uri_of_another_scheme_is_its_own_key_and_has_no_path()
    {
        var untitled = new DocumentUri("untitled:Untitled-1");
        Assert.Null(untitled.Path);
        Assert.Equal("untitled:Untitled-1", untitled.Key);
    }
}
