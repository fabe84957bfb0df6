using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Tests;

/// <summary>Short hands for grading in tests.</summary>
public static class Grading
{
    public static GradingResult Grade(IReadOnlyList<CustomerMetrics> customers, TieringPolicy? policy = null, params PreviousGrade[] previous)
    {
        var byId = previous.ToDictionary(p => p.Id);
        return TieringEngine.Grade([.. customers.Select(c => c with { Previous = byId.GetValueOrDefault(c.Id) })], Customer.AsOf, policy ?? TieringPolicy.Default);
    }

    public static CustomerGrade Of(this GradingResult result, string id) =>
        result.Grades.Single(g => g.Id == CustomerId.Create(id));

    public static PreviousGrade Held(string id, string tier, int periodsBelow = 0) => new(CustomerId.Create(id), tier, periodsBelow);
}
