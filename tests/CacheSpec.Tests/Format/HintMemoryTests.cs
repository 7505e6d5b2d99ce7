using CacheSpec.Analysis.Format;

namespace CacheSpec.Tests.Format;

public class HintMemoryTests
{
    [Fact]
    public void A_hint_is_remembered_only_while_the_candidates_are_the_same()
    {
        var memory = new HintMemory();
        Assert.Equal(" Did you mean 'hub/redis'?", memory.DidYouMean("hub/rediss", new[] { "hub/redis",
            "hub/endpoints" }));
        Assert.Equal(" Did you mean 'hub/redis'?", memory.DidYouMean("hub/rediss", new[] { "hub/redis",
            "hub/endpoints" }));
        // A candidate closer than the remembered one: a fresh search.
        Assert.Equal(" Did you mean 'hub/rediss1'?", memory.DidYouMean("hub/rediss", new[] { "hub/rediss1",
            "hub/endpoints" }));
        // The remembered name is gone: nothing is close enough any more.
        Assert.Equal(string.Empty, memory.DidYouMean("hub/rediss", new[] { "hub/endpoints" }));
        Assert.Equal(" Did you mean 'hub/redis'?", memory.DidYouMean("hub/rediss", new[] { "hub/endpoints",
            "hub/redis" }));
    }

    [Fact]
    public void Many_threads_asking_at_once_get_the_answer_a_fresh_search_gives()
    {
        var memory = new HintMemory();
        var names = Enumerable.Range(0, 200).Select(i => $"vnet-{i:000}/redis").ToArray();
        var others = names.Append("vnet-999/cache").ToArray();
        Parallel.For(0, 2000, i =>
        {
            var candidates = i % 3 == 0 ? others : names;
            var text = $"vnet-{i % 250:000}/rediss";
            var expected = Suggestions.Closest(text, candidates) is { } suggestion ? $" Did you mean '{suggestion}'?"
                : string.Empty;
            Assert.Equal(expected, memory.DidYouMean(text, candidates));
        });
    }
}
