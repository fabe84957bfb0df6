using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>One tier's share of an owner's book: how many customers, and what they bring.</summary>
public sealed record TierLoad(int Customers, decimal Revenue);

/// <summary>An owner's customers per tier, and the tiers where they hold more accounts than the playbook allows.</summary>
public sealed record OwnerBook(string Owner, int Customers, decimal Revenue, IReadOnlyDictionary<string, TierLoad> Tiers, IReadOnlyList<string> OverloadedTiers);

/// <summary>Every owner's book in a period, and per tier the customers whose playbook wants a dedicated manager but who have none.</summary>
public sealed record OwnerSummary(IReadOnlyList<OwnerBook> Owners, IReadOnlyDictionary<string, int> WithoutOwner)
{
    public static OwnerSummary Empty { get; } = new([], new Dictionary<string, int>());
}

/// <summary>Sales workload by owner, from a period's grades: what the tiers mean for the people who serve them.</summary>
public static class OwnerBooks
{
    /// <summary>Whether a customer of that tier, owned by <paramref name="owner"/>, lacks the dedicated manager the tier's playbook asks for.</summary>
    public static bool NeedsOwner(TieringPolicy policy, string tier, string? owner)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return string.IsNullOrWhiteSpace(owner) && policy.Service.TryGetValue(tier, out var playbook) && playbook.DedicatedManager;
    }

    /// <param name="metrics">The customers graded, in the order of <paramref name="grades"/>.</param>
    /// <param name="grades">Their grades.</param>
    /// <param name="policy">The policy graded with: its playbooks say which tiers want an owner and how many accounts one may hold.</param>
    public static OwnerSummary Of(IReadOnlyList<CustomerMetrics> metrics, IReadOnlyList<CustomerGrade> grades, TieringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(policy);
        var books = new Dictionary<string, Dictionary<string, (int Customers, decimal Revenue)>>(StringComparer.Ordinal);
        var withoutOwner = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < grades.Count; i++)
        {
            var owner = metrics[i].Profile.Owner;
            var tier = grades[i].Tier;
            if (string.IsNullOrWhiteSpace(owner))
            {
                if (NeedsOwner(policy, tier, owner))
                {
                    withoutOwner[tier] = withoutOwner.GetValueOrDefault(tier) + 1;
                }

                continue;
            }

            var book = books.TryGetValue(owner, out var known) ? known : books[owner] = new Dictionary<string, (int, decimal)>(StringComparer.Ordinal);
            var (customers, revenue) = book.GetValueOrDefault(tier);
            book[tier] = (customers + 1, revenue + metrics[i].NetRevenue);
        }

        var owners = books.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b =>
        {
            var tiers = policy.Tiers.Names.Where(b.Value.ContainsKey).ToDictionary(t => t, t => new TierLoad(b.Value[t].Customers, b.Value[t].Revenue), StringComparer.Ordinal);
            var overloaded = tiers.Where(t => policy.Service.TryGetValue(t.Key, out var playbook) && t.Value.Customers > playbook.MaxAccountsPerOwner)
                .Select(t => t.Key).ToList();
            return new OwnerBook(b.Key, tiers.Values.Sum(t => t.Customers), tiers.Values.Sum(t => t.Revenue), tiers, overloaded);
        }).ToList();
        return new OwnerSummary(owners, withoutOwner);
    }
}
