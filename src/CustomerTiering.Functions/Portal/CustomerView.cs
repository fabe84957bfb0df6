using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>A customer's master data with one grade: the answer of <c>GET /api/customers/{id}</c> and a list item.</summary>
public sealed record CustomerView(string Id, string? Name, string? Type, string? Region, string? Channel, string? Owner, GradeView Grade)
{
    /// <summary>With the master data as it is now when known, else as it was when graded.</summary>
    public static CustomerView From(StoredGrade grade, GradeView view, CustomerProfile? now)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return now is null
            ? new CustomerView(grade.CustomerId, grade.Name, grade.Type, grade.Region, grade.Channel, grade.Owner, view)
            : new CustomerView(grade.CustomerId, now.Name, now.Type.ToString(), now.Region, now.Channel, now.Owner, view);
    }
}
