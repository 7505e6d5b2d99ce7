namespace CacheSpec.Server.Discovery;

/// <summary>What a path names on disk, as <see cref="DiskEntry.Of"/> reads it.</summary>
public enum DiskEntryKind
{
    Missing,
    Folder,
    SymbolicLink,

    /// <summary>
    /// A file of length zero: an empty file, or a pipe, a device or a socket, which report no length either and which
    /// .NET cannot tell from an empty file without opening them (opening a pipe waits for a writer). Never opened: it
    /// reads as empty.
    /// </summary>
    NoLength,

    /// <summary>A file with a length: on Linux only a regular file has one.</summary>
    RegularFile,
}
