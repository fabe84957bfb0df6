using Azure.Data.Tables;

namespace CustomerTiering.Storage.Grades;

/// <summary>What a list of grades is narrowed to; every field optional. Values go into the query as parameters, never as text.</summary>
public sealed record GradeFilter
{
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

    public string ToODataFor(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        // '.' sorts right after '-': the range covers exactly the run's partitions "{runId}-p000" … "{runId}-p255".
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}") };
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

        return string.Join(" and ", clauses.Select(c => $"({c})"));
    }

    private static void Add(List<string> clauses, string property, string? value)
    {
        if (value is not null)
        {
            clauses.Add(property + TableClient.CreateQueryFilter($" eq {value}"));
        }
    }
}
