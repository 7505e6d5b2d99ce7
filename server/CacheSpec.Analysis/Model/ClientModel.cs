using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>Who must reach a cache, and from where (format v1.1).</summary>
public sealed class ClientModel
{
    private CacheModel cache = null!;

    public required CacheModel Cache { get => cache; init => cache = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }

    /// <summary>A subnet reference, a network name, or an IPv4 CIDR or address, as written.</summary>
    public Located<string>? From { get; init; }

    /// <summary>
    /// The addresses of a client on the internet: <see cref="From"/> when it is an IPv4 address or CIDR, else null
    /// (a subnet or a network of the model).
    /// </summary>
    public Ipv4Range? PublicAddresses => From is { } from
        ? Ipv4Address.TryParse(from.Value, out var address) ? new Ipv4Range(address, address)
        : Cidr.TryParse(from.Value, out var cidr) ? cidr.Range : null
        : null;

    /// <summary>True when <see cref="From"/> names a subnet ("network/subnet") or a network of the model.</summary>
    public bool FromIsReference => From is { } from && PublicAddresses is null
        && !AddressText.LooksLikePrefix(from.Value);

    /// <summary>The network <see cref="From"/> names, alone or before the slash of a subnet reference.</summary>
    public string? FromNetwork => FromIsReference ? From!.Value.Split('/')[0] : null;

    internal ClientModel MovedTo(CacheModel newCache)
    {
        var copy = (ClientModel)MemberwiseClone();
        copy.cache = newCache;
        return copy;
    }
}
