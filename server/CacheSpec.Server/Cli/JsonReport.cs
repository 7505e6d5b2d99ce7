using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Server.Cli;

/// <summary>
/// The contract's JSON: {"version":1,"files":[{"path","diagnostics":[{code,severity,message,range}]}]}, zero-based
/// UTF-16 positions.
/// </summary>
public static class JsonReport
{
    public static void Write(TextWriter writer, IReadOnlyList<string> paths, AnalysisResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer,
            new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("files");
            foreach (var path in paths)
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in result.For(path))
                {
                    json.WriteStartObject();
                    json.WriteString("code", diagnostic.Code);
                    json.WriteString("severity", SeverityNames.Of(diagnostic.Severity));
                    json.WriteString("message", diagnostic.Message);
                    json.WritePropertyName("range");
                    WriteRange(json, diagnostic.Range);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteRange(Utf8JsonWriter json, LineRange range)
    {
        json.WriteStartObject();
        WritePosition(json, "start", range.Start);
        WritePosition(json, "end", range.End);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("character", position.Character);
        json.WriteEndObject();
    }
}
