namespace CacheSpec.Analysis.Configuration;

/// <summary>The severity a configuration gives a rule; Off drops its findings.</summary>
public enum RuleLevel
{
    Off,
    Info,
    Warning,
    Error,
}
