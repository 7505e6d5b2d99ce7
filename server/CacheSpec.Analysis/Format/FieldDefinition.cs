namespace CacheSpec.Analysis.Format;

/// <summary>One key of an object: its name, its type and whether it must be present.</summary>
public sealed record FieldDefinition(string Name, TypeDefinition Type, bool Required = false);
