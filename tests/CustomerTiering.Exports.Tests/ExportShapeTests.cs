using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Records;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Exports.Tests;

/// <summary>Exports as people have them, read with no profile: what each customer's orders add up to, against the generator's own sums.</summary>
public sealed class ExportShapeTests
{
    [Fact]
    public void An_online_retail_file_reads_with_guest_lines_apart_credit_notes_negative_and_its_dates_inferred()
    {
        var export = ExportShapes.OnlineRetail(invoices: 600);

        var (kind, rows) = Export.Read(export.Content, "orders/online_retail_II.csv");

        Assert.Equal(ExportKind.OrderLines, kind);
        Assert.Empty(rows.Errors());
        Assert.Equal(export.Rows, rows.Count(r => r.IsFileRow));
        Assert.Equal(export.RowsWithoutCustomer, rows.Count(r => r.Outcome == RowOutcome.WithoutCustomer));
        Assert.InRange(export.RowsWithoutCustomer, export.Rows / 6, export.Rows / 3);
        AssertSameCustomers(export, rows.Orders());
    }

    [Fact]
    public void A_marketplace_report_in_gb18030_reads_with_guarded_order_numbers_and_the_paid_amount()
    {
        var export = ExportShapes.Marketplace(orders: 400);

        var (kind, rows) = Export.Read(export.Content, "orders/ExportOrderList.csv");

        Assert.Equal(ExportKind.Orders, kind);
        Assert.Empty(rows.Errors());
        Assert.All(rows.Orders(), o => Assert.StartsWith("3875", o.Order.OrderId, StringComparison.Ordinal));
        AssertSameCustomers(export, rows.Orders());
    }

    [Fact]
    public void A_shop_customer_export_reads_names_from_first_and_last_and_leaves_its_totals_unread()
    {
        var (content, names) = ExportShapes.ShopCustomers(25);

        var (kind, rows) = Export.Read(content, "customers/customers_export.csv");

        Assert.Equal(ExportKind.Customers, kind);
        Assert.Empty(rows.Errors());
        Assert.Equal(names.OrderBy(n => n.Key), rows.Select(r => KeyValuePair.Create(r.Customer!.Id.Value, r.Customer.Name!)).OrderBy(n => n.Key));
    }

    [Fact]
    public void A_customer_export_may_say_when_each_customer_was_last_contacted_in_its_own_date_format()
    {
        var (_, rows) = Export.Read("客户编号,客户名称,负责人,最后联系日期\nK1,甲公司,王伟,2026年3月15日\nK2,乙公司,李娜,\nK3,丙公司,李娜,someday\n", "customers/crm.csv");

        Assert.Equal([new DateOnly(2026, 3, 15), (DateOnly?)null], rows.Where(r => r.Customer is not null).Select(r => r.Customer!.LastContact));
        Assert.Equal("最后联系日期", Assert.Single(rows.Errors()).Column);
    }

    [Fact]
    public void Dates_that_read_as_month_first_and_day_first_alike_are_refused_naming_both_until_the_upload_says_which()
    {
        const string text = "Order ID,Customer ID,Order Date,Amount\nO1,C1,3/4/2024,10\nO2,C2,12/11/2024,20\nO3,C3,1/2/2025,30\n";

        var refused = Assert.Throws<ExportRejectedException>(() => Export.Read(text));
        var (_, rows) = Export.Read(Export.Bytes(text), dateFormat: DateFormat.DayFirst);

        Assert.Contains("M/d/yyyy", refused.Message, StringComparison.Ordinal);
        Assert.Contains("d/M/yyyy", refused.Message, StringComparison.Ordinal);
        Assert.Contains("?dateFormat=", refused.Message, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2024, 4, 3), new DateOnly(2024, 11, 12), new DateOnly(2025, 2, 1)], rows.Orders().Select(o => o.Order.Date));
    }

    [Theory]
    [InlineData("2024-05-27", "yyyy-MM-dd")]
    [InlineData("2024/5/27 23:28:34", "yyyy/M/d")]
    [InlineData("2024.5.27", "yyyy.M.d")]
    [InlineData("20240527", "yyyyMMdd")]
    [InlineData("5/27/2024 8:29", "M/d/yyyy")]
    [InlineData("27/5/2024", "d/M/yyyy")]
    [InlineData("27.5.2024 08:29:00", "d.M.yyyy")]
    [InlineData("27-May-2024", "d-MMM-yyyy")]
    [InlineData("2024年5月27日", "yyyy年M月d日")]
    [InlineData("45439", "excel")]
    public void A_column_in_one_common_format_is_read_in_it(string value, string format)
    {
        var (_, rows) = Export.Read($"Order ID,Customer ID,Order Date,Amount\nO1,C1,{value},10\nO2,C2,{value},20\n");

        Assert.Empty(rows.Errors());
        Assert.All(rows.Orders(), o => Assert.Equal(new DateOnly(2024, 5, 27), o.Order.Date));
        using var reader = Reading.ExportReader.Open(new MemoryStream(Export.Bytes($"Order Date,Customer ID,Order ID,Amount\n{value},C1,O1,1\n")), "orders/x.csv", ExportLimits.Default);
        Assert.Equal(format, ColumnSurvey.Run(reader, ColumnMap.Resolve(reader.Header, MappingProfile.BuiltIn, ExportKind.Orders)).DateFormat!.Name);
    }

    [Fact]
    public void A_later_date_in_another_format_is_a_bad_row_that_says_which_format_the_column_is_in_while_iso_always_reads()
    {
        var (_, rows) = Export.Read("Order ID,Customer ID,Order Date,Amount\nO1,C1,13/4/2024,10\nO2,C2,4/15/2024,20\nO3,C3,14/4/2024,30\nO4,C4,2024-04-16,40\n");

        Assert.Equal(["O1", "O3", "O4"], rows.Orders().Select(o => o.Order.OrderId));
        Assert.Equal("not a date in d/M/yyyy, the format of this column's other dates", Assert.Single(rows.Errors()).Reason);
    }

    [Fact]
    public void A_row_with_several_problems_counts_once_and_lists_them_all()
    {
        var (_, rows) = Export.Read("Order ID,Customer ID,Order Date,Amount\nO1,C1,2024-01-02,ten\nO2,C2,someday,eleven\nO3,C3,2024-01-03,12\n");

        var rejected = Assert.Single(rows, r => r.Outcome == RowOutcome.Rejected && r.Errors.Count == 2);
        Assert.Equal(["Order Date", "Amount"], rejected.Errors.Select(e => e.Column));
        Assert.Equal(3, rows.Count(r => r.IsFileRow));
        Assert.Equal(2, rows.Count(r => r.Outcome == RowOutcome.Rejected));
    }

    [Fact]
    public void A_profile_mapping_wins_over_a_built_in_alias_and_the_other_column_is_reported_unused()
    {
        string[] header = ["订单编号", "买家会员名", "总金额", "买家实际支付金额", "订单创建时间"];
        var profile = MappingProfile.Parse("""{"name":"tmall","columns":{"总金额":"amount"}}""");

        var builtIn = ColumnMap.Resolve(header, MappingProfile.BuiltIn, ExportKind.Orders);
        var mapped = ColumnMap.Resolve(header, profile, ExportKind.Orders);

        Assert.Equal(3, builtIn[CanonicalField.Amount]);
        Assert.Equal(ColumnUseKind.Unused, builtIn.Uses[2].Use);
        Assert.Equal(2, mapped[CanonicalField.Amount]);
        Assert.Equal((ColumnUseKind.Mapped, "mapped by the profile"), (mapped.Uses[2].Use, mapped.Uses[2].Note));
        Assert.Equal((ColumnUseKind.Unused, "Amount is read from '总金额'"), (mapped.Uses[3].Use, mapped.Uses[3].Note));
    }

    [Fact]
    public void A_profile_can_ignore_a_column_and_two_equally_named_columns_stay_ambiguous()
    {
        string[] header = ["Order ID", "Customer ID", "Order Date", "Amount", "Total"];
        var profile = MappingProfile.Parse("""{"columns":{"Amount":"ignore"}}""");

        var ambiguous = Assert.Throws<ExportRejectedException>(() => ColumnMap.Resolve(["Order ID", "Customer ID", "Order Date", "Amount", "amount"], MappingProfile.BuiltIn, null));
        Assert.Throws<ExportRejectedException>(() => MappingProfile.Parse("""{"columns":{"Amount":"nothing"}}"""));
        var builtIn = ColumnMap.Resolve(header, MappingProfile.BuiltIn, ExportKind.Orders);
        var map = ColumnMap.Resolve(header, profile, ExportKind.Orders);

        Assert.Contains("'Amount' and 'amount' both name Amount", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal((3, ColumnUseKind.Unused), (builtIn[CanonicalField.Amount], builtIn.Uses[4].Use));
        Assert.Equal((4, ColumnUseKind.Ignored), (map[CanonicalField.Amount], map.Uses[3].Use));
    }

    [Fact]
    public void Ids_written_as_decimals_are_whole_numbers_only_when_every_sampled_id_is()
    {
        var (_, decimals) = Export.Read("Order ID,Customer ID,Order Date,Amount\nO1,12346.0,2024-01-02,1\nO2,12347.0,2024-01-02,1\n");
        var (_, mixed) = Export.Read("Order ID,Customer ID,Order Date,Amount\nO1,12346.0,2024-01-02,1\nO2,A-7,2024-01-02,1\n");

        Assert.Equal(["12346", "12347"], decimals.Orders().Select(o => o.Order.CustomerId.Value));
        Assert.Equal(["12346.0", "A-7"], mixed.Orders().Select(o => o.Order.CustomerId.Value));
    }

    private static void AssertSameCustomers(GeneratedExport export, List<ExportedOrder> orders)
    {
        var actual = orders.GroupBy(o => o.Order.CustomerId.Value).ToDictionary(
            g => g.Key,
            g => new ExpectedCustomer(g.Key, g.Count(), g.Sum(o => o.Order.NetAmount),
                g.Where(o => o.Order.NetAmount > 0).Select(o => o.Order.Date).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.MinValue)).Max()));
        Assert.Equal(export.Expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }
}
