namespace CustomerTiering.Exports.Mapping;

/// <summary>What became of one header column.</summary>
public enum ColumnUseKind
{
    /// <summary>Read as <see cref="ColumnUse.Field"/>.</summary>
    Mapped,

    /// <summary>Names a field another column already feeds.</summary>
    Unused,

    /// <summary>Left out by the profile.</summary>
    Ignored,

    /// <summary>Names no field the app reads.</summary>
    Unknown,
}

/// <summary>One header column, the field it names (if any), and what became of it, for the report and the preview.</summary>
public sealed record ColumnUse(string Header, CanonicalField? Field, ColumnUseKind Use, string Note);
