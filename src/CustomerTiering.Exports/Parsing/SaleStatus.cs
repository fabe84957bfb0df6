namespace CustomerTiering.Exports.Parsing;

/// <summary>
/// What an order's status column says about its amount, in the words exports use (English and Chinese): a credit note or
/// return counts negative; a cancelled order counts nothing (re-exported, it replaces the original).
/// </summary>
internal static class SaleStatus
{
    private static readonly string[] CreditMarkers = ["credit", "return", "refund", "退货", "退款", "红冲", "贷项"];

    // A marketplace order closed (交易关闭) or refunded in full (退款成功) is that order's own row, not a separate credit note.
    private static readonly string[] CancelMarkers = ["cancel", "void", "取消", "作废", "交易关闭", "退款成功"];

    /// <summary>The amount and margin an order row counts, given its status.</summary>
    public static (decimal Amount, decimal? Margin) Net(ReadOnlySpan<char> status, decimal amount, decimal? margin)
    {
        if (Matches(status, CancelMarkers))
        {
            return (0m, margin is null ? null : 0m);
        }

        return Matches(status, CreditMarkers)
            ? (-Math.Abs(amount), margin is { } m ? -Math.Abs(m) : null)
            : (amount, margin);
    }

    /// <summary>
    /// Whether an invoice of order lines takes money back. Online-retail exports mark credit notes with invoice numbers
    /// like C536379; a line file has no separate cancellation, so a cancelled invoice is taken back too.
    /// </summary>
    public static bool IsCreditNote(string invoice, ReadOnlySpan<char> status) =>
        (invoice.Length > 1 && invoice[0] is 'C' or 'c' && char.IsAsciiDigit(invoice[1])) || Matches(status, CreditMarkers) || Matches(status, CancelMarkers);

    private static bool Matches(ReadOnlySpan<char> status, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (status.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
