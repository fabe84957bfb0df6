using CustomerTiering.Exports.Records;
using CustomerTiering.Storage.Privacy;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// What counts as a line about some customers, wherever the product keeps lines: one rule for both the subject-access
/// answer and the erasure, so that what the one shows is what the other removes.
/// </summary>
public sealed class PersonalDataMatch
{
    private readonly HashSet<string> _snapshotCells;
    private readonly string[] _words;

    public PersonalDataMatch(ErasureSubjects subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        Ids = subjects.CustomerIds.Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        _snapshotCells = Ids.Select(id => RejectedRowsCsv.Cell(id)).ToHashSet(StringComparer.Ordinal);
        _words = [.. Ids.Concat(subjects.Names ?? []).Where(w => w.Trim().Length >= 2).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlySet<string> Ids { get; }

    /// <summary>A snapshot CSV line whose first cell, the customer id as the snapshot writes it, is one of theirs.</summary>
    public bool IsSnapshotLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _snapshotCells.Contains(FirstCell(line));
    }

    /// <summary>
    /// A rejected-rows line (<c>row,column,value,reason</c>) of a row of theirs in the export, or whose text holds one of
    /// their ids or names (the export may be gone, and a bad cell may be a name): a few other lines may go with them,
    /// which costs a diagnostic, never a person's data.
    /// </summary>
    public bool IsReportLine(string line, IReadOnlySet<long> theirRows)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(theirRows);
        return long.TryParse(FirstCell(line), out var row) && theirRows.Contains(row) || Mentions(line);
    }

    public bool IsReportError(RowError error, IReadOnlySet<long> theirRows)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(theirRows);
        return theirRows.Contains(error.Row) || Mentions(error.Value) || Mentions(error.Reason);
    }

    private bool Mentions(string text) => _words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first cell of a CSV line as written, quotes included.</summary>
    private static string FirstCell(string line)
    {
        if (!line.StartsWith('"'))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? line : line[..comma];
        }

        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return line[..(i + 1)];
            }
        }

        return line;
    }
}
