namespace CacheSpec.Tests.Support;

/// <summary>
/// Compares actual text with a checked-in baseline file. With CACHESPEC_UPDATE_BASELINES=1 the file is (re)written
/// instead, so a deliberate change is one environment variable away and shows up as a reviewable diff.
/// </summary>
public static class Baseline
{
    public const string UpdateVariable = "CACHESPEC_UPDATE_BASELINES";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Match(string baselinePath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(baselinePath)!);
            File.WriteAllText(baselinePath, actual);
            return;
        }
        Assert.True(File.Exists(baselinePath),
            $"No baseline at {baselinePath}; run the tests with {UpdateVariable}=1 to create it, then review it.");
        var expected = File.ReadAllText(baselinePath).Replace("\r\n", "\n");
        if (expected != actual)
        {
            Assert.Fail(
                $"The output differs from the baseline {baselinePath} (run with {UpdateVariable}=1 to accept the new " +
                "output after review).\n" +
                $"--- expected\n{expected}\n--- actual\n{actual}");
        }
    }
}
