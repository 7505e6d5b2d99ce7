namespace CacheSpec.Analysis.Features;

public enum CompletionCategory
{
    Key,
    Value,
    Reference,
    Snippet,
}
