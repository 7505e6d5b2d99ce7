using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>One replacement in one file.</summary>
public sealed record RenameEdit(SpecFile File, TextSpan Span, string NewText);
