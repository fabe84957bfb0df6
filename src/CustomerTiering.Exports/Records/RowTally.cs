using CustomerTiering.Exports.Mapping;

namespace CustomerTiering.Exports.Records;

/// <summary>
/// Counts a parse in one unit, the file's data rows: each is accepted, rejected (once, however many problems) or
/// without a customer; the orders an order-line file's lines made are counted apart.
/// </summary>
public sealed class RowTally(int maxShown)
{
    private readonly List<RowError> _shown = [];

    public long Rows { get; private set; }

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public long WithoutCustomer { get; private set; }

    public decimal WithoutCustomerAmount { get; private set; }

    public long Orders { get; private set; }

    /// <summary>The problems of the first rejected rows, at most the number shown in a report.</summary>
    public IReadOnlyList<RowError> Shown => _shown;

    public void Add(ParsedRow row)
    {
        Rows += row.IsFileRow ? 1 : 0;
        switch (row.Outcome)
        {
            case RowOutcome.Accepted:
                Accepted++;
                Orders += row.Order is null ? 0 : 1;
                break;
            case RowOutcome.Rejected:
                Rejected++;
                _shown.AddRange(row.Errors.Take(maxShown - _shown.Count));
                break;
            case RowOutcome.WithoutCustomer:
                WithoutCustomer++;
                WithoutCustomerAmount += row.GuestAmount;
                break;
            case RowOutcome.OrderFromLines:
                Orders++;
                break;
        }
    }

    public double RejectedShare => Rows == 0 ? 0 : Math.Round((double)Rejected / Rows, 6);

    /// <summary>The report with these counts, and notes on what reading the file took.</summary>
    public IngestionReport Describe(IngestionReport report, ColumnConventions conventions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(conventions);
        var notes = new List<string>();
        if (conventions.IdsWrittenAsDecimals)
        {
            notes.Add("Customer ids are written as decimals (12346.0): read as whole numbers (12346).");
        }

        if (conventions.DateFormatProblem is { } problem)
        {
            notes.Add(problem);
        }

        if (WithoutCustomer > 0)
        {
            notes.Add($"{WithoutCustomer} row(s) have no customer id (sales without a customer, {WithoutCustomerAmount:0.##} net): counted here, not written, not rejected.");
        }

        return report with
        {
            Rows = Rows,
            Accepted = Accepted,
            Rejected = Rejected,
            WithoutCustomer = WithoutCustomer,
            WithoutCustomerAmount = WithoutCustomerAmount,
            Orders = Orders,
            RejectedShare = RejectedShare,
            RejectedRows = _shown,
            Notes = notes,
        };
    }
}
