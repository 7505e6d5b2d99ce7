using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>A rule that looks at one cache at a time, in the profile of the document that declares it.</summary>
public abstract class CacheRule : Rule
{
    public sealed override void Analyze(RuleContext context)
    {
        foreach (var document in context.Model.Documents)
        {
            context.Checkpoint();
            if (!context.Applies(document))
            {
                continue;
            }
            foreach (var cache in document.Caches)
            {
                context.Checkpoint();
                Check(cache, context);
            }
        }
    }

    protected abstract void Check(CacheModel cache, RuleContext context);
}
