using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Grades payment behaviour by the policy's credit standard.</summary>
public static class CreditGrader
{
    /// <summary>The index of the credit grade earned; -1 without a credit history.</summary>
    public static int Grade(CreditRecord? record, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (record is null)
        {
            return -1;
        }

        for (var g = 0; g < policy.Limits.Count; g++)
        {
            if (FirstBreach(record, policy.Limits[g]) is null)
            {
                return g;
            }
        }

        return policy.Grades.Count - 1;
    }

    /// <summary>Which limit of a grade the record breaks first (days late, late share, overdue, credit use), or null.</summary>
    public static CreditBreach? FirstBreach(CreditRecord record, CreditLimits limits)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(limits);
        return record.WeightedDaysLate > limits.MaxWeightedDaysLate ? CreditBreach.DaysLate
            : record.LateShare > limits.MaxLateShare ? CreditBreach.LateShare
            : record.LongestOverdueDays > limits.MaxOverdueDays ? CreditBreach.Overdue
            : record.CreditUse > limits.MaxCreditUse ? CreditBreach.CreditUse
            : null;
    }
}
