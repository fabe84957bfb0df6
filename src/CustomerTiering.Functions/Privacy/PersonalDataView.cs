using CustomerTiering.Storage.Privacy;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// Everything the product holds about one customer id, for a subject-access request: its rows in every table (profile,
/// orders, invoices, a grade with its reasons per run, the override and its audit), and every file that mentions it
/// (run artifacts, period snapshots, uploaded exports, ingestion reports) with the lines or rows about it.
/// </summary>
public sealed record PersonalDataView(string CustomerId, DateTimeOffset CollectedAt, IReadOnlyList<StoredRow> Rows, IReadOnlyList<FileMention> Files);

/// <summary>A file that mentions the customer: <c>container/path</c>, its lines about them (as the file has them), or its row numbers.</summary>
public sealed record FileMention(string Container, string Path, IReadOnlyList<string> Lines, IReadOnlyList<long>? Rows = null);
