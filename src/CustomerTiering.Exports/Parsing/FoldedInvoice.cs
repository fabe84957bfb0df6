using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Exports.Parsing;

/// <summary>An invoice's order lines so far: total, earliest date, the category of its largest line.</summary>
internal sealed class FoldedInvoice(CustomerId customerId, DateOnly date, long firstRow, bool creditNote)
{
    private decimal _total;
    private decimal _largestLine = decimal.MinValue;

    public CustomerId CustomerId { get; } = customerId;

    public long FirstRow { get; } = firstRow;

    public DateOnly Date { get; private set; } = date;

    public string? Category { get; private set; }

    /// <summary>The order's amount: negative for a credit note, whichever sign its lines were written with.</summary>
    public decimal Amount => creditNote ? -Math.Abs(_total) : _total;

    public void Add(decimal amount, DateOnly date, string? category)
    {
        _total += amount;
        Date = date < Date ? date : Date;
        if (Math.Abs(amount) > _largestLine)
        {
            _largestLine = Math.Abs(amount);
            Category = category;
        }
    }
}
