using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class NsgModel
{
    private SpecDocument document = null!;

    public required SpecDocument Document { get => document; init => document = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public IReadOnlyList<SecurityRuleModel> Rules { get; init; } = Array.Empty<SecurityRuleModel>();

    /// <summary>
    /// This NSG in the next version of its document, for an NSG whose syntax an edit left as it was (see
    /// <see cref="SpecBinder"/>).
    /// </summary>
    internal NsgModel MovedTo(SpecDocument newDocument)
    {
        var copy = (NsgModel)MemberwiseClone();
        copy.document = newDocument;
        return copy;
    }
}
