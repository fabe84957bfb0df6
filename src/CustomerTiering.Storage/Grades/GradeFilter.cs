using Azure.Data.Tables;

namespace CustomerTiering.Storage.Grades;

/// <summary>What a list of grades is narrowed to; every field optional. Values go into the query as parameters, never as text.</summary>
public sealed record GradeFilter
{
    /// <summary>Azure Tables refuses a filter of more than 15 comparisons.</summary>
    private const int MaxComparisons = 15;

    public string? Tier { get; init; }

    public string? Segment { get; init; }

    public string? Abc { get; init; }

    public string? Lifecycle { get; init; }

    public string? Owner { get; init; }

    public string? Region { get; init; }

    public bool? RisingStar { get; init; }

    /// <summary>A credit grade's name, or NoHistory.</summary>
    public string? CreditGrade { get; init; }

    /// <summary>Only customers whose tier wants a dedicated manager and who have no owner.</summary>
    public bool NeedsOwner { get; init; }

    /// <summary>Up, Down, or either when <see cref="Moved"/> is set.</summary>
    public string? Movement { get; init; }

    public bool Moved { get; init; }

    /// <summary>Only customers whose owner is one of these (a sales rep's book); null for any owner. Never empty.</summary>
    public IReadOnlyList<string>? Owners { get; init; }

    /// <summary>
    /// Whether <see cref="Owners"/> goes into the query. A book of many owner names would pass the service's limit on
    /// comparisons; then the store reads the pages without it and keeps the rows of the book (<see cref="Admits"/>).
    /// </summary>
    public bool OwnersInQuery => Owners is null || Comparisons(out _) + Owners.Count <= MaxComparisons;

    /// <summary>Whether a row read under <see cref="ToODataFor"/> belongs to the list: always, unless owners were left out of the query.</summary>
    public bool Admits(StoredGrade grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return OwnersInQuery || (grade.Owner is { } owner && Owners!.Contains(owner, StringComparer.Ordinal));
    }

    public string ToODataFor(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        // '.' sorts right after '-': the range covers exactly the run's partitions "{runId}-p000" … "{runId}-p255".
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}") };
        Comparisons(out var others);
        clauses.AddRange(others);
        if (Owners is not null && OwnersInQuery)
        {
            clauses.Add(string.Join(" or ", Owners.Select(o => "Owner" + TableClient.CreateQueryFilter($" eq {o}"))));
        }

        return string.Join(" and ", clauses.Select(c => $"({c})"));
    }

    /// <summary>The same filter in words, with every owner of the book: what a list's ETag and continuation are bound to.</summary>
    public override string ToString()
    {
        Comparisons(out var clauses);
        return string.Join(" and ", clauses) + (Owners is null ? "" : " and Owner in [" + string.Join("|", Owners.Select(TableKeys.Escape)) + "]");
    }

    // The clauses but the partition range and the owners' set, and how many comparisons they and the range make.
    private int Comparisons(out List<string> clauses)
    {
        clauses = [];
        Add(clauses, "Tier", Tier);
        Add(clauses, "Segment", Segment);
        Add(clauses, "Abc", Abc);
        Add(clauses, "Lifecycle", Lifecycle);
        Add(clauses, "Owner", Owner);
        Add(clauses, "Region", Region);
        Add(clauses, "Movement", Movement);
        Add(clauses, "CreditGrade", CreditGrade);
        if (RisingStar is { } risingStar)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RisingStar eq {risingStar}"));
        }

        if (NeedsOwner)
        {
            clauses.Add(TableClient.CreateQueryFilter($"NeedsOwner eq {true}"));
        }

        if (Moved && Movement is null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Movement eq {"Up"} or Movement eq {"Down"}"));
        }

        return 2 + clauses.Count + (Moved && Movement is null ? 1 : 0);
    }

    private static void Add(List<string> clauses, string property, string? value)
    {
        if (value is not null)
        {
            clauses.Add(property + TableClient.CreateQueryFilter($" eq {value}"));
        }
    }
}
