namespace CacheSpec.Server.Discovery;

/// <summary>
/// The file: URI of a path, each segment percent-encoded. new Uri(path) reads a '%' in a path as the start of an
/// escape, so a file named a%41b would come out as aAb; here a literal '%' becomes %25.
/// </summary>
public static class FileUri
{
    public static string FromPath(string path)
    {
        var segments = Path.GetFullPath(path).Replace('\\', '/').Split('/');
        var escaped = segments.Select((segment, index) =>
            index == 0 && segment.EndsWith(':') ? segment : Uri.EscapeDataString(segment));
        var joined = string.Join('/', escaped);
        return "file://" + (joined.StartsWith('/') ? joined : "/" + joined);
    }
}
