using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Grading within groups (<see cref="TieringPolicy.GroupBy"/>): each group is graded exactly as a run over its customers
/// alone would grade them, and the grades are put back in input order. Groups are taken in ordinal order of their names;
/// grading is order-free within a group, so the result does not depend on how the customers were sharded. The summary
/// covers all customers, with one summary per group.
/// </summary>
internal static class GroupedGrading
{
    public static GradingResult Grade(IReadOnlyList<CustomerMetrics> customers, DateOnly asOf, TieringPolicy policy)
    {
        var n = customers.Count;
        var membersOf = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var key = GroupOf(customers[i].Profile, policy.GroupBy);
            if (!membersOf.TryGetValue(key, out var members))
            {
                membersOf[key] = members = [];
            }

            members.Add(i);
        }

        var columns = new GradeColumns(n);
        var groupOf = new int[n];
        var names = new List<string>(membersOf.Count);
        var cuts = new List<IReadOnlyList<TierCut>>(membersOf.Count);
        var summaries = new List<GroupSummary>(membersOf.Count);
        IReadOnlyList<string> segments = [];
        foreach (var (name, members) in membersOf)
        {
            var part = TieringEngine.GradeAll([.. members.Select(i => customers[i])], asOf, policy);
            part.Columns.ScatterInto(columns, members);
            foreach (var i in members)
            {
                groupOf[i] = names.Count;
            }

            names.Add(name);
            cuts.Add(part.Summary.TierCuts);
            summaries.Add(new GroupSummary(name, part.Summary));
            segments = part.Segments;
        }

        // The whole book's summary: each tier's cut spans its groups' cuts; KPIs and warnings are over everyone.
        var earned = new int[n];
        for (var i = 0; i < n; i++)
        {
            earned[i] = columns.EarnedTier[i];
        }

        using var revenue = Ranking.Sorted(n, i => (double)customers[i].NetRevenue);
        var summary = GradingSummaries.Summarise(
            customers, columns, segments, asOf, policy, TieringEngine.TierCuts(n, columns.Score, earned, policy.Tiers.Names), revenue,
            TieringEngine.OldestLastOrder(customers, asOf)) with { GroupBy = policy.GroupBy, Groups = summaries };
        return new GradingResult(customers, columns, policy, segments, summary, new GroupAssignment(names, groupOf, cuts));
    }

    /// <summary>The group a customer is graded in; customers without a value share the group <see cref="GroupSummary.NoGroup"/>.</summary>
    public static string GroupOf(CustomerProfile profile, GradingGroup by) => by switch
    {
        GradingGroup.Region => Named(profile.Region),
        GradingGroup.Channel => Named(profile.Channel),
        GradingGroup.Owner => Named(profile.Owner),
        GradingGroup.Type => profile.Type.ToString(),
        _ => string.Empty,
    };

    private static string Named(string? value) => string.IsNullOrWhiteSpace(value) ? GroupSummary.NoGroup : value.Trim();
}
