using CacheSpec.Analysis;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

public class HoverTests
{
    private static readonly GuidanceRenderer Guidance = new(GuidanceIndex.Default, "file:///docs/guidance/");

    private static HoverInfo? HoverAt(string text, string marker, int into = 1, params (string Path, string Text)[] others)
    {
        var files = others.Select(other => SpecFile.Create(other.Path, other.Text)).Append(SpecFile.Create("test.cachespec.yaml", text)).ToArray();
        var analysis = SpecAnalyzer.Analyze(files);
        return HoverService.Hover(files[^1], text.IndexOf(marker, StringComparison.Ordinal) + into, analysis, Guidance, id => $"rules/{id}.md");
    }

    private const string Spec = Specs.Header + "guidance: \"2020-10\"\ncaches:\n  - name: a\n    tier: Standard\n    size: C1\n    isolation:\n      publicNetworkAccess: Disabled\n      vnetInjection:\n        subnet: hub/redis\n";

    [Fact]
    public void A_key_shows_the_guidance_for_the_specs_profile()
    {
        var hover = HoverAt(Spec, "vnetInjection")!;
        Assert.Contains("`isolation.vnetInjection`", hover.Markdown);
        Assert.Contains("guidance `2020-10`", hover.Markdown);
        Assert.Contains("**2020-10:**", hover.Markdown);
    }

    [Fact]
    public void A_finding_under_the_cursor_is_explained_with_its_rule()
    {
        var hover = HoverAt(Spec, "vnetInjection")!;
        Assert.Contains("[`vnet-injection-requires-premium`](rules/vnet-injection-requires-premium.md)", hover.Markdown);
    }

    [Fact]
    public void An_enum_value_shows_its_own_sentence()
    {
        var hover = HoverAt(Spec, "Standard", 2)!;
        Assert.Contains("**`Standard`** · `cache.tier`", hover.Markdown);
    }

    [Fact]
    public void A_subnet_reference_shows_its_prefix_and_usable_addresses()
    {
        var network = Specs.Header.Replace("test", "net") + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n    subnets:\n      - name: redis\n        addressPrefix: 10.0.1.0/28\n";
        var hover = HoverAt(Spec.Replace("tier: Standard", "tier: Premium").Replace("size: C1", "size: P1"), "hub/redis", 2, ("net.cachespec.yaml", network))!;
        Assert.Contains("`10.0.1.0/28` · 11 usable addresses", hover.Markdown);
        Assert.Contains("`a` (3)", hover.Markdown);
    }

    [Fact]
    public void Hovers_never_throw_at_any_offset_of_the_examples()
    {
        var files = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml", SearchOption.AllDirectories)
            .Select(path => SpecFile.Create(path, File.ReadAllText(path))).ToArray();
        var analysis = SpecAnalyzer.Analyze(files);
        var hovered = 0;
        foreach (var file in files)
        {
            for (var offset = 0; offset <= file.Text.Length; offset += 5)
            {
                if (HoverService.Hover(file, offset, analysis, Guidance, id => id) is { } hover)
                {
                    hovered++;
                    Assert.True(hover.Markdown.Split('\n').Length <= 60);
                }
            }
        }
        Assert.True(hovered > 100);
    }
}
