using CacheSpec.Server.Discovery;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Cli;

/// <summary>What the locator remembers between lookups (the language server asks on every keystroke), and that it
/// forgets when told.</summary>
public class ConfigurationLocatorTests
{
    [Fact]
    public void Whether_the_file_found_is_a_symbolic_link_is_remembered_until_forgotten()
    {
        using var folder = new TempFolder();
        var spec = folder.Write("app.cachespec.yaml", Specs.Header);
        var target = folder.Write("elsewhere/settings.json", "{}");
        var configuration = folder.Write("cachespec.json", "{}");
        var locator = new ConfigurationLocator();
        Assert.Empty(locator.For(spec, folder.Path).Problems);

        File.Delete(configuration);
        File.CreateSymbolicLink(configuration, target);
        Assert.Empty(locator.For(spec, folder.Path).Problems);

        locator.Forget();
        Assert.Contains(locator.For(spec, folder.Path).Problems, problem => problem.Contains("symbolic link",
            StringComparison.Ordinal));
    }
}
