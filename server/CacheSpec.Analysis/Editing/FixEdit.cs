using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// One replacement in one file: the span of the file's current text and the text that takes its place (an insertion has
/// an empty span).
/// </summary>
public sealed record FixEdit(SpecFile File, TextSpan Span, string NewText);
