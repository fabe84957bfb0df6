using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>ABC (Pareto) classes: A the customers ahead of the first revenue share, B the next, C the rest and anyone without revenue.</summary>
internal static class AbcClassifier
{
    /// <summary>Each customer's ABC class and the share of revenue (or of customers) ranked ahead of them, written into the columns.</summary>
    public static void Classify(Ranking monetary, AbcPolicy abc, GradeColumns columns)
    {
        // Walks the revenue ranking itself rather than the customers: sequential memory, a million times over.
        // Sums run over the sorted values, so they come out the same whatever order the customers came in.
        var n = monetary.Count;
        var sorted = monetary.SortedIndex;
        var revenue = monetary.SortedGoodness;
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += Math.Max(revenue[k], 0);
        }

        var classes = columns.Abc;
        var shareBefore = columns.AbcShareBefore;
        var ahead = 0.0;
        var end = n;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && revenue[start - 1] == revenue[end - 1])
            {
                start--;
            }

            var revenueShare = total > 0 ? ahead / total : 1.0;
            for (var k = start; k < end; k++)
            {
                var i = sorted[k];
                var share = abc.Basis == AbcBasis.Revenue ? revenueShare : (double)monetary.Better(i) / n;
                shareBefore[i] = (float)share;
                classes[i] = revenue[k] <= 0 ? AbcClass.C
                    : share < abc.AUpTo ? AbcClass.A
                    : share < abc.BUpTo ? AbcClass.B
                    : AbcClass.C;
                ahead += Math.Max(revenue[k], 0);
            }

            end = start;
        }
    }
}
