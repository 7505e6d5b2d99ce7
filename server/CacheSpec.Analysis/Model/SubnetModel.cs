using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class SubnetModel
{
    private NetworkModel network = null!;

    public required NetworkModel Network { get => network; init => network = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? AddressPrefixText { get; init; }

    /// <summary>The prefix when it is a valid CIDR.</summary>
    public Located<Cidr>? AddressPrefix { get; init; }
    public Located<string>? NetworkSecurityGroup { get; init; }
    public Located<bool>? NatGateway { get; init; }
    public Located<string>? PrivateEndpointNetworkPolicies { get; init; }
    public IReadOnlyList<Located<string>> OtherResources { get; init; } = Array.Empty<Located<string>>();
    public SyntaxNode? OtherResourcesKey { get; init; }
    public IReadOnlyList<RouteModel> Routes { get; init; } = Array.Empty<RouteModel>();

    /// <summary>"network/subnet", the form references use; null while either name is missing.</summary>
    public string? QualifiedName =>
        Network.Name is { } networkName && Name is { } subnet ? $"{networkName.Value}/{subnet.Value}" : null;

    /// <summary>
    /// A copy that belongs to the network's copy in the next version of the document (see
    /// <see cref="NetworkModel.MovedTo"/>).
    /// </summary>
    internal SubnetModel MovedTo(NetworkModel newNetwork)
    {
        var copy = (SubnetModel)MemberwiseClone();
        copy.network = newNetwork;
        return copy;
    }
}
