using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class NsgModel
{
    public required SpecDocument Document { get; init; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public IReadOnlyList<SecurityRuleModel> Rules { get; init; } = Array.Empty<SecurityRuleModel>();
}
