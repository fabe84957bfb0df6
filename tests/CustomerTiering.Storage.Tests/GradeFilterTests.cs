using CustomerTiering.Storage.Grades;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>A rep's book in a grade list's filter: in the query while the service's limit on comparisons allows, else kept by the store.</summary>
public sealed class GradeFilterTests
{
    [Fact]
    public void A_few_owners_go_into_the_query_as_one_clause_of_parameters()
    {
        var filter = new GradeFilter { Tier = "Gold", Owners = ["Li Na", "li.na@demo.example", "O'Brien"] };

        Assert.True(filter.OwnersInQuery);
        Assert.Equal(
            "(PartitionKey ge 'run-1-' and PartitionKey lt 'run-1.') and (Tier eq 'Gold') and (Owner eq 'Li Na' or Owner eq 'li.na@demo.example' or Owner eq 'O''Brien')",
            filter.ToODataFor("run-1"));
        Assert.True(filter.Admits(Grade("c1", "Someone else")));
    }

    [Fact]
    public void A_book_of_many_owner_names_is_kept_by_the_store_and_still_binds_the_lists_key()
    {
        var owners = Enumerable.Range(0, 14).Select(i => $"Owner {i}").ToList();
        var filter = new GradeFilter { Tier = "Gold", Owners = owners };

        Assert.False(filter.OwnersInQuery);
        Assert.DoesNotContain("Owner eq", filter.ToODataFor("run-1"), StringComparison.Ordinal);
        Assert.True(filter.Admits(Grade("c1", "Owner 13")));
        Assert.False(filter.Admits(Grade("c2", "Owner 14")));
        Assert.False(filter.Admits(Grade("c3")));
        Assert.NotEqual(filter.ToString(), (filter with { Owners = [.. owners.Take(13), "Owner 99"] }).ToString());
    }

    private static StoredGrade Grade(string id, string? owner = null) => new()
    {
        CustomerId = id, Owner = owner, Period = "2026-11", RunId = "run-1", PolicyVersion = "default-3", Tier = "Gold",
        Movement = Domain.Grading.TierMovement.Same, TierSince = "2026-11", Segment = "Retail", Abc = "A", Lifecycle = "Active",
    };
}
