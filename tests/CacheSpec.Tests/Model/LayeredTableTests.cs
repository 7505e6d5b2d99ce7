using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Model;

/// <summary>
/// A <see cref="LayeredTable{TKey, TValue}"/> answers as a dictionary with the same changes applied would, through many
/// generations (so its layer is made whole again several times), and never changes a table it was made from.
/// </summary>
public class LayeredTableTests
{
    [Fact]
    public void Every_generation_answers_as_a_dictionary_and_earlier_ones_stay_as_they_were()
    {
        var random = new Random(20261206);
        var oracle = Enumerable.Range(0, 500).ToDictionary(key => $"k{key}", key => $"v{key}");
        var table = new LayeredTable<string, string>(new Dictionary<string, string>(oracle));
        var generations = new List<(LayeredTable<string, string> Table, Dictionary<string, string> Expected)>();
        for (var generation = 0; generation < 400; generation++)
        {
            var changes = new List<KeyValuePair<string, string?>>();
            for (var change = random.Next(1, 6); change > 0; change--)
            {
                var key = $"k{random.Next(700)}";
                var value = random.Next(4) == 0 ? null : $"g{generation}";
                changes.Add(new(key, value));
                if (value is null)
                {
                    oracle.Remove(key);
                }
                else
                {
                    oracle[key] = value;
                }
            }
            table = table.With(changes);
            generations.Add((table, new Dictionary<string, string>(oracle)));
        }
        foreach (var (layered, expected) in generations)
        {
            Assert.Equal(expected.OrderBy(pair => pair.Key, StringComparer.Ordinal),
                layered.Entries.OrderBy(pair => pair.Key, StringComparer.Ordinal));
            for (var key = 0; key < 700; key++)
            {
                Assert.Equal(expected.GetValueOrDefault($"k{key}"), layered.GetValueOrDefault($"k{key}"));
            }
        }
    }
}
