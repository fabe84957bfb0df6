namespace CustomerTiering.Domain.Customers;

/// <summary>The look-back window (<see cref="Start"/> to <see cref="AsOf"/>, both inclusive) and the window before it, for growth.</summary>
public sealed record MetricsWindow(DateOnly AsOf, int LookbackMonths)
{
    /// <summary>The first day inside the window: a 12-month window ending 2026-10-31 starts 2025-11-01.</summary>
    public DateOnly Start => AsOf.AddDays(1).AddMonths(-LookbackMonths);

    public DateOnly PreviousStart => Start.AddMonths(-LookbackMonths);

    /// <summary>The window of the graded month's end: as-of is its last day.</summary>
    public static MetricsWindow EndOfMonth(int year, int month, int lookbackMonths) =>
        new(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), lookbackMonths);
}
