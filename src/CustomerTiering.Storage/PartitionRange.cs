using System.Globalization;
using Azure.Data.Tables;

namespace CustomerTiering.Storage;

/// <summary>
/// Contiguous table partitions, from <see cref="First"/> up to but not including <see cref="End"/>, read with one range
/// query per table rather than one query per partition. The service answers a range in partition then row key order, in
/// pages of up to 1 000 rows, so a large store costs the same pages either way and a small one a few requests instead of
/// hundreds (a run over 256 partitions and three tables asked 768 times, most of them for empty partitions).
/// </summary>
public readonly record struct PartitionRange
{
    public PartitionRange(int first, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, TableKeys.Partitions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, end);
        First = first;
        End = end;
    }

    public static PartitionRange All { get; } = new(0, TableKeys.Partitions);

    public int First { get; }

    public int End { get; }

    public int Count => End - First;

    /// <summary>The partitions' names, in the order the service returns their rows.</summary>
    public IEnumerable<string> Names => Enumerable.Range(First, Count).Select(TableKeys.PartitionName);

    /// <summary>The filter of the range query ("p256", past the last partition, bounds the whole range).</summary>
    public string Filter => TableClient.CreateQueryFilter(
        $"PartitionKey ge {TableKeys.PartitionName(First)} and PartitionKey lt {TableKeys.PartitionName(End)}");

    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/> nearly equal contiguous slices (empty when there are more parts than partitions).</summary>
    public PartitionRange Slice(int part, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(part, parts);
        return new PartitionRange(First + (part * Count / parts), First + ((part + 1) * Count / parts));
    }

    /// <summary>The range cut into at most <paramref name="parts"/> non-empty slices, to be read side by side.</summary>
    public IReadOnlyList<PartitionRange> Split(int parts)
    {
        var self = this;
        return [.. Enumerable.Range(0, parts).Select(part => self.Slice(part, parts)).Where(slice => slice.Count > 0)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TableKeys.PartitionName(First)}..{TableKeys.PartitionName(End)}");
}
