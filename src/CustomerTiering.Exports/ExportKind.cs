namespace CustomerTiering.Exports;

/// <summary>What an export holds.</summary>
public enum ExportKind
{
    Customers,

    /// <summary>One row per order (or return).</summary>
    Orders,

    /// <summary>One row per order line, folded into orders by invoice number.</summary>
    OrderLines,

    /// <summary>Receivables: one row per invoice, with its due date and what has been paid.</summary>
    Invoices,
}
