namespace CacheSpec.Analysis.Features;

/// <summary>
/// The kinds of named things that references point to; names are unique per kind (subnets per network).
/// </summary>
public enum NamedKind
{
    Network,
    Subnet,
    SecurityGroup,
    Cache,
    PrivateEndpoint,
}
