using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Tests.Guidance;

/// <summary>The guidance documents cover the whole format, link only to sections that exist, and speak for each profile
/// where the facts differ.</summary>
public class GuidanceIndexTests
{
    private static readonly GuidanceIndex Index = GuidanceIndex.Default;
    private static readonly GuidanceRenderer Renderer = new(Index, "file:///docs/guidance/");

    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in SpecFormat.AllObjects)
        {
            foreach (var field in type.Fields)
            {
                data.Add(type.Name, field.Name);
            }
        }
        return data;
    }

    public static TheoryData<string, string, string> EnumValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var type in SpecFormat.AllObjects)
        {
            foreach (var field in type.Fields)
            {
                var scalar = field.Type as ScalarType ?? (field.Type as ListType)?.Item as ScalarType;
                foreach (var value in scalar?.EnumValues ?? Array.Empty<string>())
                {
                    data.Add(type.Name, field.Name, value);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_key_has_hover_content_in_both_profiles(string objectName, string field)
    {
        var key = Index.FindKey(objectName, field);
        Assert.NotNull(key);
        Assert.False(string.IsNullOrWhiteSpace(key!.Meaning), $"{objectName}.{field} has no meaning sentence");
        foreach (var profile in new[] { GuidanceProfile.V2020_10, GuidanceProfile.Current })
        {
            var hover = Renderer.Key(objectName, field, profile)!;
            Assert.Contains($"`{objectName}.{field}`", hover);
            Assert.True(hover.Split('\n').Length <= 25,
                $"{objectName}.{field} hover has {hover.Split('\n').Length} lines");
            Assert.DoesNotContain("<", hover.Replace("<=", string.Empty));
        }
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void Every_enum_value_has_hover_content(string objectName, string field, string value)
    {
        Assert.False(string.IsNullOrWhiteSpace(Renderer.ValueSummary(objectName, field, value)),
            $"{objectName}.{field} = {value} has no text");
        Assert.NotNull(Renderer.Value(objectName, field, value, GuidanceProfile.Current));
    }

    [Fact]
    public void Every_link_points_to_an_existing_section()
    {
        var links = Index.Keys.SelectMany(key => key.SeeAlso).Select(link => link.Target)
            .Concat(Index.Sections.SelectMany(section => System.Text.RegularExpressions.Regex.Matches(section.Body,
                @"\]\(([^)#\s]+\.md(#[^)\s]*)?)\)").Select(match => match.Groups[1].Value)));
        Assert.All(links.Distinct(), target => Assert.True(Index.FindSection(target) is not null,
            $"the link target {target} does not exist"));
    }

    [Fact]
    public void Every_rule_has_a_page_with_a_why()
    {
        Assert.All(RuleCatalog.All, rule => Assert.False(string.IsNullOrWhiteSpace(Index.RuleSection(rule.Id, "Why")),
            $"{rule.Id} has no Why"));
    }

    [Fact]
    public void The_option_documents_have_their_sections()
    {
        foreach (var document in new[] { "private-link.md", "vnet-injection.md", "firewall-rules.md" })
        {
            foreach (var anchor in new[] { "what-it-is", "advantages", "limitations", "requirements",
                "what-changed-since-october-2020" })
            {
                Assert.NotNull(Index.FindSection($"{document}#{anchor}"));
            }
        }
    }

    [Fact]
    public void Vnet_injection_in_2020_10_needs_premium_and_its_dependencies()
    {
        var hover = Renderer.Key("isolation", "vnetInjection", GuidanceProfile.V2020_10)!;
        Assert.Contains("Premium", hover);
        foreach (var dependency in new[] { "Storage", "Key Vault", "Monitor", "PKI", "DNS" })
        {
            Assert.Contains(dependency, hover);
        }
        Assert.Contains("not recommended", Renderer.Key("isolation", "vnetInjection", GuidanceProfile.Current)!,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Private_endpoints_explain_public_access_and_the_clustered_limit()
    {
        var hover = Renderer.Key("isolation", "privateEndpoints", GuidanceProfile.V2020_10)!;
        Assert.Contains("publicNetworkAccess", hover);
        Assert.Contains("cluster", hover, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Firewall_rules_say_monitoring_is_always_allowed()
    {
        Assert.Contains("monitoring", Renderer.Key("isolation", "firewallRules", GuidanceProfile.V2020_10)!,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_profile_shows_its_own_text_where_the_facts_differ()
    {
        var old = Index.FindKey("cache", "geoReplication")!;
        Assert.True(old.ByProfile.ContainsKey(GuidanceProfile.V2020_10)
            && old.ByProfile.ContainsKey(GuidanceProfile.Current));
        var hover2020 = Renderer.Key("cache", "geoReplication", GuidanceProfile.V2020_10)!;
        var hoverCurrent = Renderer.Key("cache", "geoReplication", GuidanceProfile.Current)!;
        Assert.NotEqual(hover2020, hoverCurrent);
        Assert.Contains("**2020-10:**", hover2020);
        Assert.Contains("**current:**", hoverCurrent);
        Assert.Contains("Changed since 2020-10", hoverCurrent);
    }

    [Fact]
    public void Links_are_made_absolute_for_editors()
    {
        var hover = Renderer.Key("isolation", "vnetInjection", GuidanceProfile.Current)!;
        Assert.Contains("](file:///docs/guidance/vnet-injection.md#", hover);
        Assert.DoesNotContain("](vnet-injection.md", hover);
    }
}
