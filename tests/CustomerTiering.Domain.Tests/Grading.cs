using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Tests;

/// <summary>Short hands for grading in tests.</summary>
public static class Grading
{
    public static GradingResult Grade(IReadOnlyList<CustomerMetrics> customers, TieringPolicy? policy = null, params PreviousGrade[] previous) =>
        TieringEngine.Grade(customers, Customer.AsOf, policy ?? TieringPolicy.Default, previous.ToDictionary(p => p.Id));

    public static CustomerGrade Of(this GradingResult result, string id) =>
        result.Grades.Single(g => g.Id == CustomerId.Create(id));

    public static PreviousGrade Held(string id, string tier, int periodsBelow = 0) => new(CustomerId.Create(id), tier, periodsBelow);
}
