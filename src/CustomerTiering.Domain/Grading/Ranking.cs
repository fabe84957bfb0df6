using System.Buffers;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// For one metric over n customers: how many customers are strictly worse (L) and strictly better (G) than each.
/// Equal values get equal counts, and the counts do not depend on the order customers come in.
/// Arrays come from the shared pool and go back on <see cref="Dispose"/>: a run of a million customers would otherwise
/// allocate (and collect) tens of megabytes per metric.
/// </summary>
internal sealed class Ranking : IDisposable
{
    private readonly int[] _worse;
    private readonly int[] _better;
    private readonly int[]? _sortedIndex;
    private readonly double[]? _sortedGoodness;

    private Ranking(int count, int[] worse, int[] better, int[]? sortedIndex, double[]? sortedGoodness)
    {
        Count = count;
        _worse = worse;
        _better = better;
        _sortedIndex = sortedIndex;
        _sortedGoodness = sortedGoodness;
    }

    public int Count { get; }

    /// <summary>L(x): customers with a strictly lower goodness.</summary>
    public int Worse(int customer) => _worse[customer];

    /// <summary>Customers with a strictly higher goodness.</summary>
    public int Better(int customer) => _better[customer];

    /// <summary>Customer indices from worst to best (only for rankings made by <see cref="Sorted"/>).</summary>
    public ReadOnlySpan<int> SortedIndex => _sortedIndex.AsSpan(0, Count);

    public ReadOnlySpan<double> SortedGoodness => _sortedGoodness.AsSpan(0, Count);

    /// <summary>The pooled arrays behind <see cref="SortedIndex"/> and <see cref="SortedGoodness"/> (longer than <see cref="Count"/>), for walks on other threads.</summary>
    public (int[] Index, double[] Goodness) SortedArrays => (_sortedIndex!, _sortedGoodness!);

    /// <summary>Share of customers at least as good (1 = the worst; 1/n = unique best).</summary>
    public double TopShare(int customer) => (_better[customer] + 1.0) / Count;

    /// <summary>Position in [0, 1]: 0 for the worst, 1 for the best; a single customer counts as best.</summary>
    public double Normalised(int customer) => Count == 1 ? 1.0 : _worse[customer] / (Count - 1.0);

    /// <summary>Ranks by sorting; keeps the sorted order for walks from the best down.</summary>
    public static Ranking Sorted(int count, Func<int, double> goodness)
    {
        var keys = ArrayPool<double>.Shared.Rent(count);
        var index = ArrayPool<int>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            keys[i] = goodness(i);
            index[i] = i;
        }

        Array.Sort(keys, index, 0, count);
        var worse = ArrayPool<int>.Shared.Rent(count);
        var better = ArrayPool<int>.Shared.Rent(count);
        var start = 0;
        while (start < count)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                worse[index[k]] = start;
                better[index[k]] = count - end;
            }

            start = end;
        }

        return new Ranking(count, worse, better, index, keys);
    }

    /// <summary>Ranks small whole numbers (orders, products, days) by counting instead of sorting: linear time.</summary>
    public static Ranking Counted(int count, Func<int, int> goodness)
    {
        var values = ArrayPool<int>.Shared.Rent(count);
        int min = int.MaxValue, max = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            var value = goodness(i);
            values[i] = value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var span = count == 0 ? 0L : (long)max - min + 1;
        if (span > 4L * count + 1024)
        {
            ArrayPool<int>.Shared.Return(values);
            return Sorted(count, i => goodness(i)); // too sparse to count
        }

        // below[v] = customers with a value strictly below v.
        var below = new int[span + 1];
        for (var i = 0; i < count; i++)
        {
            below[values[i] - min + 1]++;
        }

        for (var v = 1; v <= span; v++)
        {
            below[v] += below[v - 1];
        }

        var worse = ArrayPool<int>.Shared.Rent(count);
        var better = ArrayPool<int>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            var v = values[i] - min;
            worse[i] = below[v];
            better[i] = count - below[v + 1];
        }

        ArrayPool<int>.Shared.Return(values);
        return new Ranking(count, worse, better, null, null);
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_worse);
        ArrayPool<int>.Shared.Return(_better);
        if (_sortedIndex is not null)
        {
            ArrayPool<int>.Shared.Return(_sortedIndex);
        }

        if (_sortedGoodness is not null)
        {
            ArrayPool<double>.Shared.Return(_sortedGoodness);
        }
    }
}
