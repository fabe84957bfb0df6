using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// A customer's master data with one grade: the answer of <c>GET /api/customers/{id}</c> (with the tier's playbook) and
/// a list item (without).
/// </summary>
public sealed record CustomerView(string Id, string? Name, string? Type, string? Region, string? Channel, string? Owner, GradeView Grade, PlaybookView? Playbook = null)
{
    /// <summary>With the master data as it was graded: the period's grades, segments and owners read as one.</summary>
    public static CustomerView From(StoredGrade grade, GradeView view, PlaybookView? playbook = null)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return new CustomerView(grade.CustomerId, grade.Name, grade.Type, grade.Region, grade.Channel, grade.Owner, view, playbook);
    }
}
