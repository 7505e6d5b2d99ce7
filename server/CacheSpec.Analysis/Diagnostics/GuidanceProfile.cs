namespace CacheSpec.Analysis.Diagnostics;

/// <summary>
/// Which statement of the guidance a spec is judged by; each rule has a severity (or none) per profile.
/// </summary>
public enum GuidanceProfile
{
    /// <summary>The rules as the October 2020 guidance states them.</summary>
    V2020_10,

    /// <summary>The rules as the guidance stands now (the default).</summary>
    Current,
}
