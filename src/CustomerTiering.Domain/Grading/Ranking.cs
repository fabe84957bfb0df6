namespace CustomerTiering.Domain.Grading;

/// <summary>
/// For one metric over n customers: how many customers are strictly worse (L) and strictly better (G) than each.
/// Equal values get equal counts, and the counts do not depend on the order customers come in.
/// </summary>
internal sealed class Ranking
{
    private Ranking(int[] worse, int[] better, int[] sortedIndex, double[] sortedGoodness)
    {
        Worse = worse;
        Better = better;
        SortedIndex = sortedIndex;
        SortedGoodness = sortedGoodness;
    }

    /// <summary>L(x): customers with a strictly lower goodness.</summary>
    public int[] Worse { get; }

    /// <summary>Customers with a strictly higher goodness.</summary>
    public int[] Better { get; }

    /// <summary>Customer indices from worst to best.</summary>
    public int[] SortedIndex { get; }

    public double[] SortedGoodness { get; }

    public int Count => Worse.Length;

    /// <param name="goodness">Higher is better; consumed (sorted in place).</param>
    public static Ranking Of(double[] goodness)
    {
        var n = goodness.Length;
        var index = new int[n];
        for (var i = 0; i < n; i++)
        {
            index[i] = i;
        }

        Array.Sort(goodness, index);
        var worse = new int[n];
        var better = new int[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && goodness[end] == goodness[start])
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                worse[index[k]] = start;
                better[index[k]] = n - end;
            }

            start = end;
        }

        return new Ranking(worse, better, index, goodness);
    }

    /// <summary>Share of customers at least as good (1 = the worst; 1/n = unique best).</summary>
    public double TopShare(int customer) => (Better[customer] + 1.0) / Count;

    /// <summary>Position in [0, 1]: 0 for the worst, 1 for the best; a single customer counts as best.</summary>
    public double Normalised(int customer) => Count == 1 ? 1.0 : Worse[customer] / (Count - 1.0);
}
