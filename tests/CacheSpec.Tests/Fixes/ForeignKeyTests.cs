using CacheSpec.Analysis;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Tests.Fixes;

/// <summary>Keys carried over from ARM, Bicep and Terraform: unknown-key names this format's key, and renames it where
/// it is one key of the same object.</summary>
public class ForeignKeyTests
{
    private const string Spec = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: foreign
        caches:
          - name: web-cache
            sku: Premium
            location: westeurope
            region: northeurope
            size: P1
            isolation:
              public_network_access_enabled: Disabled

        """;

    private static IReadOnlyList<string> FixTitlesFor(string key)
    {
        var analysis = SpecAnalyzer.Analyze(new[] { ("foreign.cachespec.yaml", Spec) });
        var finding = Assert.Single(analysis.Diagnostics, d => d.Code == "unknown-key" && d.Message.Contains($"'{key}'",
            StringComparison.Ordinal));
        return CodeFixes.For(analysis, finding).Select(fix => fix.Title).ToArray();
    }

    [Fact]
    public void A_key_of_the_same_object_is_renamed()
    {
        Assert.Equal(new[] { "Change 'public_network_access_enabled' to 'publicNetworkAccess'" },
            FixTitlesFor("public_network_access_enabled"));
        var analysis = SpecAnalyzer.Analyze(new[] { ("foreign.cachespec.yaml", Spec) });
        var finding = analysis.Diagnostics.Single(d => d.Message.Contains("'public_network_access_enabled'",
            StringComparison.Ordinal));
        var fixedText = FixApplier.Apply(new Dictionary<string, string> { ["foreign.cachespec.yaml"] = Spec },
            CodeFixes.For(analysis, finding).Single());
        Assert.Contains("      publicNetworkAccess: Disabled\n", fixedText["foreign.cachespec.yaml"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void No_rename_to_a_key_already_present_nor_to_several_keys()
    {
        Assert.Empty(FixTitlesFor("location"));
        Assert.Empty(FixTitlesFor("sku"));
    }

    [Theory]
    [InlineData("cache", "subnet_id", "isolation.vnetInjection.subnet")]
    [InlineData("cache", "SubnetId", "isolation.vnetInjection.subnet")]
    [InlineData("subnet", "address_prefixes", "addressPrefix")]
    [InlineData("securityRule", "destinationPortRanges", "destinationPorts")]
    public void Keys_are_matched_without_case_or_underscores(string objectName, string key, string target)
    {
        var type = SpecFormat.AllObjects.Single(candidate => candidate.Name == objectName);
        Assert.Equal(new[] { target }, ForeignKeys.For(type, key));
    }

    [Fact]
    public void Every_target_is_a_key_path_of_the_format()
    {
        foreach (var (objectName, key, targets) in ForeignKeys.All)
        {
            var type = SpecFormat.AllObjects.SingleOrDefault(candidate => candidate.Name == objectName);
            Assert.True(type is not null, $"{objectName} is no object of the format");
            Assert.Null(type!.Find(key));
            foreach (var target in targets)
            {
                TypeDefinition current = type;
                foreach (var part in target.Split('.'))
                {
                    var field = (current as ObjectType)?.Find(part);
                    Assert.True(field is not null, $"{objectName}.{target} is no key path of the format");
                    current = field!.Type is ListType list ? list.Item : field.Type;
                }
            }
        }
    }
}
