namespace CacheSpec.Analysis;

/// <summary>
/// The engine's explicit limits, so a hostile or runaway spec costs bounded time and memory in the editor and on the
/// command line. Each one, when reached, is reported once as a limit-exceeded finding (docs/rules/limit-exceeded.md)
/// and never as an exception.
/// </summary>
public static class AnalysisLimits
{
    /// <summary>
    /// The largest text analysed, in UTF-16 code units (8 MiB; about 20,000 caches from the benchmark generator). A
    /// longer file gets one finding and is not parsed: its model, outline, folding and completion stay empty.
    /// </summary>
    public const int MaxTextLength = 8 * 1024 * 1024;

    /// <summary>
    /// How many collections (mappings and lists, block or flow) may stand inside each other. A spec needs seven. The
    /// first collection that would be one deeper is not built: the document is read up to it, as up to a syntax error,
    /// so no walker of the tree ever sees a deeper one and none can run out of stack.
    /// </summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// How many entries and items the model may read through aliases in one document. The tree shares an anchor's node
    /// instead of copying it, but the model reads an aliased cache or subnet once per alias, so aliases of aliases
    /// would multiply its size. Past the limit, aliases of mappings and lists read as absent.
    /// </summary>
    public const int MaxAliasedNodes = 100_000;

    /// <summary>
    /// How many findings one file (one document as an editor opens it) reports, 1,000. A spec with more is not being
    /// read finding by finding: a careless generator or a misplaced indentation repeats one mistake thousands of
    /// times. Uncapped, a 700 KB file made 300,000 findings and held 1.2 GB in the language server, whose every
    /// publish of them was a message of tens of megabytes. A thousand is more than any problem list is read to, keeps
    /// a publish under half a megabyte, and still covers every item of the largest hand-written specs. The findings
    /// that cannot be silenced and then the most severe are kept, in order; one limit-exceeded finding says how many
    /// were left out.
    /// </summary>
    public const int MaxFindingsPerDocument = 1_000;

    /// <summary>
    /// The largest configuration (cachespec.json) read, 1 MiB, in bytes of a file or characters of a text: past it, one
    /// problem and no settings. Both hosts check a file's length before they read it; a real one is a few hundred
    /// bytes.
    /// </summary>
    public const int MaxConfigurationBytes = 1024 * 1024;

    /// <summary>
    /// The problems reported per configuration, 20; one more line counts the others. 200,000 unknown keys once made as
    /// many log messages in the editor.
    /// </summary>
    public const int MaxConfigurationProblems = 20;

    /// <summary>
    /// The most other subnets a network may have for them to be taken as an injected cache's clients, 32. Until a spec
    /// names its clients, a client port counts as blocked only when every other subnet is blocked; in a larger network
    /// those rows are not judged, as in a network with no other subnet. Judging them cost every injected subnet a pass
    /// over every subnet: 2,000 injected subnets behind one NSG took 10 s and 1.7 GB.
    /// </summary>
    public const int MaxAssumedClientSubnets = 32;

    /// <summary>
    /// How long each stage of one analysis may run: reading a file (format check and binding, all its documents) and
    /// the rules. The time is checked inside their loops: once it has passed, the format check stops, the binder reads
    /// no further list items, a running rule stops at its next finding or checkpoint and the remaining rules are
    /// skipped (suppression comments still apply to the findings already made); each stage that stopped says so in
    /// one limit-exceeded finding.
    /// </summary>
    public static readonly TimeSpan AnalysisTime = TimeSpan.FromSeconds(10);
}
