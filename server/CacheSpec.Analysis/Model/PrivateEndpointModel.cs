using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class PrivateEndpointModel
{
    public required CacheModel Cache { get; init; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? Subnet { get; init; }
    public Located<string>? GroupId { get; init; }
    public Located<string>? PrivateDnsZone { get; init; }
}
