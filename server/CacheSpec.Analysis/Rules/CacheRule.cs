using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>A rule that looks at one cache at a time, in the profile of the document that declares it.</summary>
public abstract class CacheRule : Rule
{
    public sealed override void Analyze(RuleContext context)
    {
        SpecDocument? applies = null;
        foreach (var cache in context.Caches)
        {
            context.Checkpoint();
            // Caches come document by document: ask once per document whether the rule applies in its profile.
            if (cache.Document != applies && !context.Applies(cache.Document))
            {
                continue;
            }
            applies = cache.Document;
            context.Unit = cache;
            Check(cache, context);
        }
    }

    protected abstract void Check(CacheModel cache, RuleContext context);
}
