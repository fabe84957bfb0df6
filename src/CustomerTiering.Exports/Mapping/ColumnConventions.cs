namespace CustomerTiering.Exports.Mapping;

/// <summary>How one file writes its values, found by <see cref="ColumnSurvey"/> or given: what the parser needs beyond the header.</summary>
public sealed record ColumnConventions
{
    /// <summary>The format of the order dates; null where the file has no dates or they fit no single common format.</summary>
    public DateFormat? DateFormat { get; init; }

    /// <summary>Where <see cref="DateFormat"/> came from: <c>inferred</c>, <c>upload</c> or <c>profile</c>; null without one.</summary>
    public string? DateFormatSource { get; init; }

    /// <summary>Why no date format was chosen, when the dates were surveyed and none fits them all.</summary>
    public string? DateFormatProblem { get; init; }

    /// <summary>Every sampled customer id reads like <c>12346.0</c>: a whole number a spreadsheet wrote as a decimal; read as <c>12346</c>.</summary>
    public bool IdsWrittenAsDecimals { get; init; }

    public static ColumnConventions None { get; } = new();
}
