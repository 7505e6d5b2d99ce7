using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// YamlDotNet's events for a text, in order. A large text is scanned ahead on another core while the caller builds its
/// tree from the events already read: the caller sees exactly the events, and the exception, it would see reading the
/// parser itself, at the same point. The reader keeps at most a few batches ahead, and stops as soon as it is disposed
/// (the caller may stop early, at a depth limit).
/// </summary>
internal sealed class YamlEventReader : IDisposable
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 8;

    private readonly Parser? parser;
    private readonly BlockingCollection<Batch>? batches;
    private volatile bool disposed;
    private Batch? current;
    private int index;

    private YamlEventReader(Parser parser) => this.parser = parser;

    private YamlEventReader(string input)
    {
        batches = new BlockingCollection<Batch>(BatchesAhead);
        // A thread of its own: the caller blocks waiting for batches, so a queued work item could wait behind the
        // caller itself when every pool thread is busy (a fresh process has one per core), which cost a second per
        // parse before the pool grew.
        Task.Factory.StartNew(() => ReadAhead(input), CancellationToken.None, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Reads the text's events on the calling thread, or ahead on another core when asked to.</summary>
    public static YamlEventReader For(string input, bool readAhead) =>
        readAhead ? new YamlEventReader(input) : new YamlEventReader(new Parser(new StringReader(input)));

    /// <summary>The next event; false after the last one. Throws what the parser threw, where it threw it.</summary>
    public bool TryRead(out ParsingEvent? parsingEvent)
    {
        if (parser is not null)
        {
            var moved = parser.MoveNext();
            parsingEvent = moved ? parser.Current : null;
            return moved;
        }
        while (current is null || index == current.Count)
        {
            if (current is { IsLast: true })
            {
                current.Error?.Throw();
                parsingEvent = null;
                return false;
            }
            current = batches!.Take();
            index = 0;
        }
        parsingEvent = current.Events[index++];
        return true;
    }

    public void Dispose()
    {
        disposed = true;
        // Wakes a reader blocked on a full queue; what it read ahead is dropped with the queue.
        batches?.CompleteAdding();
    }

    private void ReadAhead(string input)
    {
        var events = new ParsingEvent?[BatchSize];
        var count = 0;
        try
        {
            var reader = new Parser(new StringReader(input));
            while (!disposed && reader.MoveNext())
            {
                events[count++] = reader.Current;
                if (count == BatchSize)
                {
                    Hand(new Batch(events, count, IsLast: false, Error: null));
                    events = new ParsingEvent?[BatchSize];
                    count = 0;
                }
            }
            Hand(new Batch(events, count, IsLast: true, Error: null));
        }
        catch (Exception exception)
        {
            Hand(new Batch(events, count, IsLast: true, ExceptionDispatchInfo.Capture(exception)));
        }
    }

    private void Hand(Batch batch)
    {
        try
        {
            batches!.Add(batch);
        }
        catch (InvalidOperationException)
        {
            // The caller has stopped reading (disposed): nothing waits for the rest.
        }
    }

    private sealed record Batch(ParsingEvent?[] Events, int Count, bool IsLast, ExceptionDispatchInfo? Error);
}
