namespace CustomerTiering.Domain.Grading;

/// <summary>The credit limit a payment record breaks.</summary>
public enum CreditBreach
{
    DaysLate,
    LateShare,
    Overdue,
    CreditUse,
}
