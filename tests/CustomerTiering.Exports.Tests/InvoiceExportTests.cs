using CustomerTiering.Exports.Records;
using Xunit;

namespace CustomerTiering.Exports.Tests;

/// <summary>Receivables exports: the third kind, read with the same readers and checks as orders.</summary>
public sealed class InvoiceExportTests
{
    [Fact]
    public void An_english_invoice_export_is_recognised_by_its_header_and_read_whole()
    {
        var (kind, rows) = Export.Read(
            "Invoice No,Customer ID,Invoice Date,Due Date,Amount,Paid Date,Amount Paid\n" +
            "INV-1,C1,2026-09-01,2026-10-01,1200.50,2026-09-28,1200.50\n" +
            "INV-2,C1,2026-10-01,2026-10-31,800,,\n" +
            "INV-3,C2,2026-08-01,2026-08-31,500,2026-10-15,200\n", "upload.csv");

        Assert.Equal(ExportKind.Invoices, kind);
        var invoices = rows.Select(r => r.Invoice!).ToList();
        Assert.Equal(["INV-1", "INV-2", "INV-3"], invoices.Select(i => i.InvoiceId));
        Assert.Equal(1200.50m, invoices[0].Amount);
        Assert.Equal(new DateOnly(2026, 10, 1), invoices[0].DueDate);
        Assert.Null(invoices[1].PaidDate);
        Assert.Equal(300m, invoices[2].OpenAt(new DateOnly(2026, 10, 31)));
    }

    [Fact]
    public void Chinese_headers_name_the_same_fields()
    {
        var (kind, rows) = Export.Read(
            "发票号,客户编号,开票日期,到期日,应收金额,付款日期,已付金额\n" +
            "F001,客户1,2026/09/01,2026/10/01,\"1,000.00\",2026/10/20,1000\n", "invoices/应收账款.csv", expected: ExportKind.Invoices);

        Assert.Equal(ExportKind.Invoices, kind);
        var invoice = Assert.Single(rows).Invoice!;
        Assert.Equal(1000m, invoice.Amount);
        Assert.Equal(new DateOnly(2026, 10, 20), invoice.PaidDate);
    }

    [Theory]
    [InlineData("I1,C1,2026-09-01,2026-10-01,-50,,", "Amount", "must be positive")]
    [InlineData("I1,C1,2026-09-01,2026-10-01,0,,", "Amount", "must be positive")]
    [InlineData("I1,C1,2026-09-01,2026-08-01,50,,", "Due Date", "due before the invoice date")]
    [InlineData("I1,C1,2026-09-01,2026-10-01,50,2026-08-01,50", "Paid Date", "paid before the invoice date")]
    [InlineData("I1,C1,2026-09-01,2026-10-01,50,,50", "Amount Paid", "needs the date it was paid")]
    [InlineData("I1,C1,2026-09-01,2026-10-01,50,2026-09-05,-5", "Amount Paid", "must not be negative")]
    [InlineData("I1,C1,01/09/2026x,2026-10-01,50,,", "Invoice Date", "")]
    [InlineData("I1,,2026-09-01,2026-10-01,50,,", "Customer ID", "")]
    [InlineData(",C1,2026-09-01,2026-10-01,50,,", "Invoice No", "required but empty")]
    public void A_bad_invoice_row_is_rejected_naming_its_column(string row, string column, string reason)
    {
        var (_, rows) = Export.Read("Invoice No,Customer ID,Invoice Date,Due Date,Amount,Paid Date,Amount Paid\n" + row + "\n", "invoices/a.csv", expected: ExportKind.Invoices);

        var rejected = Assert.Single(rows);
        Assert.Equal(RowOutcome.Rejected, rejected.Outcome);
        Assert.Contains(rejected.Errors, e => e.Column == column && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invoice_id_twice_in_one_file_is_rejected_the_second_time()
    {
        var (_, rows) = Export.Read("Invoice No,Customer ID,Invoice Date,Due Date,Amount\nI1,C1,2026-09-01,2026-10-01,50\nI1,C1,2026-09-02,2026-10-02,60\n",
            "invoices/a.csv", expected: ExportKind.Invoices);

        Assert.Equal(RowOutcome.Accepted, rows[0].Outcome);
        Assert.Contains("duplicate invoice: row 2", Assert.Single(rows[1].Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_file_without_a_due_date_names_what_is_missing()
    {
        var error = Assert.Throws<ExportRejectedException>(() =>
            Export.Read("Invoice No,Customer ID,Invoice Date,Amount\nI1,C1,2026-09-01,50\n", "invoices/a.csv", expected: ExportKind.Invoices));

        Assert.Contains("This invoice file lacks required column(s): DueDate (accepted: due date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_export_carries_the_credit_limit_and_refuses_a_negative_one()
    {
        var (_, rows) = Export.Read("Customer ID,Name,信用额度\nC1,Acme,\"50,000\"\nC2,Bad,-1\nC3,None,\n", "customers/c.csv", expected: ExportKind.Customers);

        Assert.Equal(50_000m, rows[0].Customer!.CreditLimit);
        Assert.Contains("must not be negative", Assert.Single(rows[1].Errors).Reason, StringComparison.Ordinal);
        Assert.Null(rows[2].Customer!.CreditLimit);
    }
}
