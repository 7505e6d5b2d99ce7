namespace CacheSpec.Analysis.Format;

/// <summary>Tells the written forms of an NSG rule's source or destination apart.</summary>
public static class AddressText
{
    /// <summary>
    /// "10.0.0.0/24" and the like: digits and dots before a slash. "1net/app" is a subnet reference, not a prefix.
    /// </summary>
    public static bool LooksLikePrefix(string value)
    {
        var slash = value.IndexOf('/');
        return slash > 0 && value[..slash].Contains('.') && value[..slash].All(c => char.IsAsciiDigit(c) || c == '.');
    }

    /// <summary>"network/subnet": a slash that is not part of a prefix.</summary>
    public static bool LooksLikeSubnetReference(string value) => value.Contains('/') && !LooksLikePrefix(value);
}
