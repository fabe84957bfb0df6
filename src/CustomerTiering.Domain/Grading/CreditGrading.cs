using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Grades every customer's credit into the run's columns, and sums it up: per grade, per tier × grade, and a warning for top-tier customers with the worst grade.</summary>
internal static class CreditGrading
{
    public static (CreditSummary Summary, SeparationWarning? Warning) Grade(IReadOnlyList<CustomerMetrics> customers, TieringPolicy policy, GradeColumns columns)
    {
        var grades = policy.Credit.Grades;
        var tiers = policy.Tiers.Names;
        var customersIn = new int[grades.Count + 1];
        var revenueIn = new decimal[grades.Count + 1];
        var byTier = new int[tiers.Count, grades.Count + 1];
        for (var i = 0; i < customers.Count; i++)
        {
            // Column value 0 is "no credit history"; grade g is g + 1.
            var column = CreditGrader.Grade(customers[i].Credit, policy.Credit) + 1;
            columns.Credit[i] = (byte)column;
            customersIn[column]++;
            revenueIn[column] += customers[i].NetRevenue;
            byTier[columns.Tier[i], column]++;
        }

        var total = revenueIn.Sum();
        string NameOf(int column) => column == 0 ? CreditSummary.NoHistory : grades[column - 1];
        var totals = Enumerable.Range(1, grades.Count).Append(0)
            .Select(c => new GroupTotals(NameOf(c), customersIn[c], revenueIn[c], total > 0 ? Math.Round((double)(revenueIn[c] / total), 6) : 0))
            .ToList();
        var cross = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (var t = 0; t < tiers.Count; t++)
        {
            cross[tiers[t]] = Enumerable.Range(1, grades.Count).Append(0).Where(c => byTier[t, c] > 0).ToDictionary(NameOf, c => byTier[t, c], StringComparer.Ordinal);
        }

        var poorTop = byTier[0, grades.Count];
        var warning = poorTop > 0 ? new SeparationWarning(SeparationCode.TopTierPoorCredit, tiers[0], grades[^1], poorTop) : null;
        return (new CreditSummary(totals, cross), warning);
    }
}
