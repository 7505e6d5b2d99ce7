using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

public class OutlineTests
{
    [Fact]
    public void Symbols_list_networks_subnets_and_caches_with_their_isolation()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "vnet-injection.cachespec.yaml"));
        var symbols = DocumentSymbols.For(SpecFile.Create("v.cachespec.yaml", text));
        Assert.Contains(symbols, symbol => symbol.Category == SymbolCategory.Network && symbol.Children.Any(child => child.Category == SymbolCategory.Subnet));
        var cache = symbols.First(symbol => symbol.Category == SymbolCategory.Cache);
        Assert.Contains("VNet injection", cache.Detail);
        Assert.All(symbols, symbol => Assert.True(symbol.Span.Contains(symbol.NameSpan.Start)));
    }

    [Fact]
    public void Folding_covers_block_collections_and_comment_runs()
    {
        var file = SpecFile.Create("f.cachespec.yaml", "# one\n# two\ncaches:\n  - name: a\n    isolation:\n      publicNetworkAccess: Enabled\n");
        var regions = FoldingRegions.For(file);
        Assert.Contains(new FoldingRegion(0, 1, true), regions);
        Assert.Contains(new FoldingRegion(2, 5, false), regions);
        Assert.Contains(new FoldingRegion(4, 5, false), regions);
    }
}
