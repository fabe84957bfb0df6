using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Records;
using Xunit;

namespace CustomerTiering.Exports.Tests;

public sealed class RowValidationTests
{
    [Fact]
    public void Each_bad_field_is_reported_with_row_column_value_and_reason_and_good_rows_go_on()
    {
        var rows = Export.Read("""
            Order ID,Customer ID,Order Date,Amount
            O1,C1,2026-10-01,10
            O2,,2026-10-01,10
            O3,C3,31/10/2026,10
            O4,C4,2026-10-01,ten
            O5,C5,2026-10-02,-4.5
            """).Rows;

        Assert.Equal(["O1", "O5"], rows.Orders().Select(o => o.Order.OrderId));
        Assert.Equal(-4.5m, rows.Orders()[1].Order.NetAmount);
        Assert.Equal(
            [(4L, "Order Date", "31/10/2026", "not a date in yyyy-MM-dd, the format of this column's other dates"), (5L, "Amount", "ten", "not a number")],
            rows.Errors().Select(e => (e.Row, e.Column, e.Value, e.Reason)));
        Assert.Equal(
            [RowOutcome.Accepted, RowOutcome.WithoutCustomer, RowOutcome.Rejected, RowOutcome.Rejected, RowOutcome.Accepted],
            rows.Select(r => r.Outcome));
    }

    [Theory]
    [InlineData("Cancelled", 0)]
    [InlineData("已取消", 0)]
    [InlineData("Credit note", -80)]
    [InlineData("退货", -80)]
    [InlineData("Shipped", 80)]
    public void Cancellations_count_nothing_and_credit_notes_count_negative(string status, decimal expected)
    {
        var order = Assert.Single(Export.Read($"Order ID,Customer ID,Date,Amount,Status\nO1,C1,2026-10-01,80,{status}\n").Rows.Orders()).Order;

        Assert.Equal(expected, order.NetAmount);
    }

    [Fact]
    public void Order_lines_fold_into_one_order_per_invoice_with_credit_notes_negative()
    {
        var rows = Export.Read("""
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,HEART HOLDER,6,2026-10-01 08:26,2.55,17850,United Kingdom
            536365,71053,METAL LANTERN,6,2026-10-01 08:26,3.39,17850,United Kingdom
            536366,22633,HAND WARMER,6,2026-10-01 08:28,1.85,,United Kingdom
            C536379,D,Discount,-1,2026-10-01 09:41,27.50,14527,United Kingdom
            536370,22728,ALARM CLOCK,24,2026-10-01 08:45,3.75,12583,France
            536370,22727,ALARM CLOCK RED,24,2026-10-01 08:45,3.75,99999,France
            """).Rows;

        var orders = rows.Orders().ToDictionary(o => o.Order.OrderId, o => o.Order);
        Assert.Equal(35.64m, orders["536365"].NetAmount);
        Assert.Equal(-27.50m, orders["C536379"].NetAmount);
        Assert.Equal(90m, orders["536370"].NetAmount);
        Assert.Equal(CustomerId.Create("12583"), orders["536370"].CustomerId);
        Assert.Equal(3, orders.Count);
        Assert.Equal([7L], rows.Errors().Select(e => e.Row));
        Assert.Contains("belongs to customer 12583 (row 6)", rows.Errors()[0].Reason, StringComparison.Ordinal);
        Assert.Equal(11.10m, Assert.Single(rows, r => r.Outcome == RowOutcome.WithoutCustomer).GuestAmount);
        Assert.Equal(6, rows.Count(r => r.IsFileRow));
    }

    [Fact]
    public void A_customer_id_twice_in_one_customer_file_keeps_the_first_and_reports_the_second()
    {
        var rows = Export.Read("Customer ID,Name,Type,Region\nC1,Acme,Enterprise,North\nC2,张三,个人,华东\nC1,Acme again,Enterprise,South\n", "customers/crm.csv").Rows;

        Assert.Equal(["Acme", "张三"], rows.Where(r => r.Customer is not null).Select(r => r.Customer!.Name));
        Assert.Equal(CustomerType.Individual, rows[1].Customer!.Type);
        var error = Assert.Single(rows.Errors());
        Assert.Equal((4L, "duplicate customer id: row 2 has it already"), (error.Row, error.Reason));
    }

    [Fact]
    public void Ids_with_path_traversal_or_markup_are_data_not_instructions()
    {
        var order = Assert.Single(Export.Read("Order ID,Customer ID,Date,Amount\n../../etc/passwd,<script>alert(1)</script>,2026-10-01,1\n").Rows.Orders()).Order;

        Assert.Equal("../../etc/passwd", order.OrderId);
        Assert.Equal("<script>alert(1)</script>", order.CustomerId.Value);
    }
}
