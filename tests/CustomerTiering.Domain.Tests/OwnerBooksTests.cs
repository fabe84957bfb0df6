using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>Owners' books from a period's grades: per tier counts and revenue, overloaded tiers, and who needs an owner.</summary>
public sealed class OwnerBooksTests
{
    [Fact]
    public void An_owner_holding_more_accounts_of_a_tier_than_its_playbook_allows_is_flagged_and_unowned_customers_of_managed_tiers_are_counted()
    {
        // Every customer graded VIP by a policy whose VIP playbook allows two accounts per owner and wants a manager.
        var policy = TieringPolicy.Default with
        {
            Tiers = TieringPolicy.Default.Tiers with { Shares = [0.96, 0.01, 0.01, 0.01, 0.01] },
            Service = new Dictionary<string, ServicePlaybook> { ["VIP"] = new() { DedicatedManager = true, MaxAccountsPerOwner = 2 } },
        };
        // The ladder's best 96 are VIP: C098–C100 belong to "busy" (three, one too many), C097 to "calm", C096 has a blank owner.
        var customers = Customer.Ladder(100)
            .Select((c, i) => c with { Profile = c.Profile with { Owner = i switch { >= 97 => "busy", 96 => "calm", 95 => " ", _ => null } } })
            .ToList();

        var result = TieringEngine.Grade(customers, Customer.AsOf, policy);
        var books = OwnerBooks.Of(customers, result.Grades, policy);

        Assert.Equal(96, result.Grades.Count(g => g.Tier == "VIP"));
        Assert.Equal(["busy", "calm"], books.Owners.Select(b => b.Owner));
        Assert.Equal((3, customers.Skip(97).Sum(c => c.NetRevenue)), (books.Owners[0].Customers, books.Owners[0].Revenue));
        Assert.Equal(["VIP"], books.Owners[0].OverloadedTiers);
        Assert.Empty(books.Owners[1].OverloadedTiers);
        // Only tiers whose playbook wants a manager count: the 92 unowned VIPs, not the unowned A to D.
        Assert.Equal(new Dictionary<string, int> { ["VIP"] = 92 }, books.WithoutOwner);
        Assert.True(OwnerBooks.NeedsOwner(policy, "VIP", " "));
        Assert.False(OwnerBooks.NeedsOwner(policy, "A", null));
    }
}
