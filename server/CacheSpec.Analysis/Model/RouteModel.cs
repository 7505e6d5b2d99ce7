using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class RouteModel
{
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? AddressPrefixText { get; init; }
    public Located<Cidr>? AddressPrefix { get; init; }
    public Located<string>? NextHop { get; init; }
}
