namespace CacheSpec.Analysis.Diagnostics;

/// <summary>A rule's severity in each guidance profile; null means the rule does not apply in that profile.</summary>
public readonly record struct Severities(DiagnosticSeverity? V2020_10, DiagnosticSeverity? Current)
{
    public static Severities Both(DiagnosticSeverity severity) => new(severity, severity);

    public DiagnosticSeverity? For(GuidanceProfile profile) => profile == GuidanceProfile.V2020_10 ? V2020_10 : Current;
}
