using CacheSpec.Analysis.Format;
using CsCheck;

namespace CacheSpec.Tests.Format;

/// <summary>
/// "Did you mean": the closest candidate within a small edit distance, ignoring case, none on a tie. The search stops
/// comparing a candidate once it cannot come within the allowed distance; its answers must be those of the plain
/// full-table distance.
/// </summary>
public class SuggestionsTests
{
    [Theory]
    [InlineData("Premum", "Premium")]
    [InlineData("premium", "Premium")]
    [InlineData("Standrad", "Standard")]
    [InlineData("Enterprize", "Enterprise")]
    [InlineData("Basik", "Basic")]
    public void A_near_miss_suggests_the_value(string text, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(text, new[] { "Basic", "Standard", "Premium", "Enterprise",
            "EnterpriseFlash" }));

    [Fact]
    public void Nothing_is_suggested_for_a_tie_or_a_distant_word()
    {
        Assert.Null(Suggestions.Closest("1.3", new[] { "1.0", "1.1", "1.2" }));
        Assert.Null(Suggestions.Closest("westeurope", new[] { "Basic", "Standard", "Premium" }));
    }

    [Fact]
    public void Adjacent_letters_swapped_count_as_one_edit()
    {
        Assert.Equal(1, Suggestions.Distance("tier", "teir"));
        Assert.Equal(2, Suggestions.Distance("abcd", "badc"));
        Assert.Equal(3, Suggestions.Distance("kitten", "sitting"));
    }

    [Fact]
    public void The_bounded_search_agrees_with_the_full_table_on_random_words()
    {
        var letters = Gen.Char["abcdeABCDE-/"];
        var word = Gen.String[letters, 0, 12];
        Gen.Select(word, word.Array[0, 8]).Sample(sample =>
        {
            var (text, candidates) = sample;
            Assert.Equal(Reference(text, candidates), Suggestions.Closest(text, candidates));
        }, iter: 20_000);
    }

    /// <summary>The rule written plainly: every candidate's full distance, the unique best one within the
    /// allowance.</summary>
    private static string? Reference(string text, string[] candidates)
    {
        var allowed = Math.Max(1, Math.Min(3, (text.Length + 2) / 4));
        var exact = candidates.FirstOrDefault(candidate => string.Equals(candidate, text,
            StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }
        var scored = candidates.Select(candidate => (Candidate: candidate,
            Distance: FullDistance(text.ToLowerInvariant(), candidate.ToLowerInvariant()))).ToArray();
        if (scored.Length == 0)
        {
            return null;
        }
        var best = scored.Min(pair => pair.Distance);
        var winners = scored.Where(pair => pair.Distance == best).ToArray();
        return best <= allowed && winners.Length == 1 ? winners[0].Candidate : null;
    }

    private static int FullDistance(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            table[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                table[i, j] = Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    table[i, j] = Math.Min(table[i, j], table[i - 2, j - 2] + 1);
                }
            }
        }
        return table[a.Length, b.Length];
    }
}
