using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Features;

public class CursorContextTests
{
    /// <summary>Finds the context at the "|" of the text (the bar is removed).</summary>
    private static CursorContext At(string textWithCursor)
    {
        var offset = textWithCursor.IndexOf('|');
        return CursorContextFinder.Find(new SourceText(textWithCursor.Remove(offset, 1)), offset);
    }

    [Fact]
    public void A_key_position_inside_a_list_item_knows_its_path_and_siblings()
    {
        var context = At("caches:\n  - name: a\n    tier: Premium\n    |\n    size: P1\n");
        Assert.Equal(new[] { "caches", "[]" }, context.Path);
        Assert.False(context.IsValue);
        Assert.Equal(new[] { "name", "size", "tier" }, context.SiblingKeys.Order());
        Assert.Equal("Premium", context.SiblingValues["tier"]);
    }

    [Fact]
    public void Nested_keys_resolve_through_lists_and_mappings()
    {
        var context = At("networks:\n  - name: hub\n    subnets:\n      - name: a\n        rou|\n");
        Assert.Equal(new[] { "networks", "[]", "subnets", "[]" }, context.Path);
        Assert.Equal("rou", context.Prefix);
        Assert.Equal("subnet", context.Object!.Name);
    }

    [Fact]
    public void A_value_position_names_its_key()
    {
        var context = At("caches:\n  - name: a\n    isolation:\n      publicNetworkAccess: Dis|\n");
        Assert.True(context.IsValue);
        Assert.Equal("publicNetworkAccess", context.Key);
        Assert.Equal("Dis", context.Prefix);
        Assert.Equal(new[] { "caches", "[]", "isolation" }, context.Path);
    }

    [Fact]
    public void A_new_list_item_starts_a_new_mapping()
    {
        var context = At("caches:\n  - name: a\n    tier: Basic\n  - |\n");
        Assert.Equal(new[] { "caches", "[]" }, context.Path);
        Assert.Empty(context.SiblingKeys);
    }

    [Fact]
    public void A_list_of_scalars_is_a_value_position()
    {
        var context = At("caches:\n  - name: a\n    zones:\n      - |\n");
        Assert.True(context.IsValue);
        Assert.Equal(new[] { "caches", "[]", "zones", "[]" }, context.Path);
    }

    [Fact]
    public void Flow_lists_complete_the_item_being_typed()
    {
        var context = At("networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16, 10.1|]\n");
        Assert.True(context.IsValue);
        Assert.Equal("addressSpace", context.Key);
        Assert.Equal("10.1", context.Prefix);
    }

    [Fact]
    public void Broken_yaml_elsewhere_does_not_matter()
    {
        var context = At(
            "caches: [oops\n  - name: a\n    isolation:\n      vnetInjection:\n        |\nnetworks: {{{\n");
        Assert.Equal(new[] { "caches", "[]", "isolation", "vnetInjection" }, context.Path);
    }
}
