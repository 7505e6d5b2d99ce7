namespace CacheSpec.Analysis.Network;

/// <summary>How much of an endpoint an NSG rule's address selector covers.</summary>
public enum SelectorMatch
{
    None,
    Partial,
    Full,
}
