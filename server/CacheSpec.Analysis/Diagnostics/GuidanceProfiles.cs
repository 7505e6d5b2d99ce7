namespace CacheSpec.Analysis.Diagnostics;

/// <summary>The text forms of the guidance profiles, as a spec and the command line write them.</summary>
public static class GuidanceProfiles
{
    public static string ToText(GuidanceProfile profile) => profile == GuidanceProfile.V2020_10 ? "2020-10" : "current";

    public static GuidanceProfile? Parse(string? text) => text switch
    {
        "2020-10" => GuidanceProfile.V2020_10,
        "current" => GuidanceProfile.Current,
        _ => null,
    };
}
