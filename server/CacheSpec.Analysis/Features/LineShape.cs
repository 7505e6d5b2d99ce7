namespace CacheSpec.Analysis.Features;

/// <summary>
/// One line as block YAML lays it out: list markers ("- ") after the indentation, then content that may start with
/// "key:".
/// </summary>
internal readonly record struct LineShape(bool IsBlank, IReadOnlyList<int> Markers, int ContentColumn, string? Key,
    bool HasValue, int ValueColumn, bool IsDocumentMarker)
{
    public static LineShape Of(string line)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.StartsWith("---", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal))
        {
            return new LineShape(true, Array.Empty<int>(), 0, null, false, 0, IsDocumentMarker: true);
        }
        var column = 0;
        while (column < line.Length && line[column] == ' ')
        {
            column++;
        }
        var markers = new List<int>();
        while (column < line.Length && line[column] == '-' && (column + 1 == line.Length || line[column + 1] == ' '))
        {
            markers.Add(column);
            column++;
            while (column < line.Length && line[column] == ' ')
            {
                column++;
            }
        }
        var content = line[column..];
        if (content.Length == 0 || content.StartsWith('#'))
        {
            return new LineShape(markers.Count == 0, markers, column, null, false, column, false);
        }
        var colon = KeyColon(content);
        if (colon < 0)
        {
            return new LineShape(false, markers, column, null, false, column, false);
        }
        var valueColumn = column + colon + 1;
        while (valueColumn < line.Length && line[valueColumn] == ' ')
        {
            valueColumn++;
        }
        var rest = line[valueColumn..];
        var hasValue = rest.Length > 0 && !rest.StartsWith('#');
        return new LineShape(false, markers, column, content[..colon].Trim().Trim('"', '\''), hasValue, valueColumn,
            false);
    }

    /// <summary>The colon that ends a plain or quoted key: followed by a space or the end of the line.</summary>
    private static int KeyColon(string content)
    {
        if (content[0] is '{' or '[' or '&' or '*' or '!' or '|' or '>')
        {
            return -1;
        }
        var quote = content[0] is '"' or '\'' ? content[0] : '\0';
        for (var i = quote == '\0' ? 0 : 1; i < content.Length; i++)
        {
            if (quote != '\0')
            {
                if (content[i] == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
            if (content[i] == '#' && i > 0 && content[i - 1] == ' ')
            {
                return -1;
            }
        }
        return -1;
    }
}
