namespace CacheSpec.Analysis.Format;

/// <summary>The shape a YAML node must have at one place of the format.</summary>
public abstract class TypeDefinition
{
    /// <summary>How a message names the expected shape: "a mapping", "a list", "an integer"...</summary>
    public abstract string Expected { get; }
}
