using CustomerTiering.Exports.Mapping;
using Xunit;

namespace CustomerTiering.Exports.Tests;

public sealed class MappingTests
{
    [Theory]
    [InlineData("Customer ID")]
    [InlineData("customer_id")]
    [InlineData("CustomerId")]
    [InlineData("CUSTOMER-ID")]
    [InlineData("客户编号")]
    [InlineData("客户 ID")]
    public void Customer_id_headers_are_recognised_in_their_many_spellings(string header) =>
        Assert.Equal(CanonicalField.CustomerId, FieldAliases.Find(header));

    [Fact]
    public void A_header_with_half_a_surrogate_pair_names_no_field_and_breaks_nothing()
    {
        // Normalising such a header threw (found by the fuzz suite): a broken header is simply not an alias.
        Assert.Null(FieldAliases.Find("Customer\uD800 ID"));
        Assert.Equal(CanonicalField.CustomerId, FieldAliases.Find("Ｃｕｓｔｏｍｅｒ ＩＤ"));
    }

    [Fact]
    public void The_kind_follows_the_header_when_the_folder_does_not_say()
    {
        Assert.Equal(ExportKind.Customers, Export.Read("Customer ID,Name,Region\nC1,Acme,North\n", "upload.csv").Kind);
        Assert.Equal(ExportKind.Orders, Export.Read("Order ID,Customer ID,Date,Amount\nO1,C1,2026-10-01,5\n", "upload.csv").Kind);
        Assert.Equal(ExportKind.OrderLines, Export.Read("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,A,2,2026-10-01,3,C1\n", "upload.csv").Kind);
    }

    [Fact]
    public void A_header_that_fits_no_kind_is_rejected_saying_what_would_fit()
    {
        var error = Assert.Throws<ExportRejectedException>(() => Export.Read("colour,size\nred,9\n", "upload.csv"));

        Assert.StartsWith("Neither a customer, an order nor an invoice file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_named_with_the_names_accepted()
    {
        var error = Assert.Throws<ExportRejectedException>(() => Export.Read("Order ID,Customer ID,Amount\nO1,C1,5\n", expected: ExportKind.Orders));

        Assert.Contains("lacks required column(s): OrderDate (accepted: order date, date,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_naming_the_same_field_are_rejected_as_ambiguous()
    {
        var error = Assert.Throws<ExportRejectedException>(() => Export.Read("Order ID,Customer ID,Customer_Id,Date,Amount\nO1,C1,C2,2026-10-01,5\n"));

        Assert.Contains("'Customer ID' and 'Customer_Id' both name CustomerId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_maps_foreign_headers_dates_and_a_decimal_comma()
    {
        var profile = MappingProfile.Parse("""
            { "name": "erp-de", "columns": { "Belegnr": "orderId", "KUNNR": "customerId", "Datum": "orderDate", "Betrag": "amount" },
              "dateFormats": ["dd.MM.yyyy"], "culture": "de-DE" }
            """);

        var order = Assert.Single(Export.Read("Belegnr;KUNNR;Datum;Betrag\n4711;K-1;03.10.2026;1.234,50 €\n", profile: profile).Rows.Orders()).Order;

        Assert.Equal("4711", order.OrderId);
        Assert.Equal(new DateOnly(2026, 10, 3), order.Date);
        Assert.Equal(1234.50m, order.NetAmount);
    }

    [Fact]
    public void A_profile_naming_an_unknown_field_or_culture_is_refused_with_every_problem()
    {
        var error = Assert.Throws<ExportRejectedException>(() => MappingProfile.Parse("""{ "name": "x", "columns": { "A": "shoeSize" }, "culture": "xx-NOPE-1" }"""));

        Assert.Contains("unknown field 'shoeSize'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown culture 'xx-NOPE-1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,234.50", "", "1234.50")]
    [InlineData("$1,234.50", "", "1234.50")]
    [InlineData("¥ 88", "", "88")]
    [InlineData("USD 12.5", "", "12.5")]
    [InlineData("12.50 CNY", "", "12.50")]
    [InlineData("US$ 5", "", "5")]
    [InlineData("88元", "", "88")]
    [InlineData("人民币 88", "", "88")]
    [InlineData("(12.50)", "", "-12.50")]
    [InlineData("12.50-", "", "-12.50")]
    [InlineData("-3", "", "-3")]
    [InlineData(".5", "", "0.5")]
    [InlineData("-0.10", "", "-0.10")]
    [InlineData("12.", "", "12")]
    [InlineData("999999999999.99", "", "999999999999.99")]
    [InlineData("1.234,50", "de-DE", "1234.50")]
    [InlineData("1 234,50", "fr-FR", "1234.50")]
    public void Amounts_are_read_per_culture_with_symbols_stripped(string text, string culture, string expected)
    {
        var parser = new ValueParser(new MappingProfile { Culture = culture });

        Assert.True(parser.TryParseAmount(text, out var amount, out var reason), reason);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("1,5", "ambiguous number")]
    [InlineData("12..5", "not a number")]
    [InlineData("", "the number is empty")]
    [InlineData("-", "not a number")]
    [InlineData("1.2.3", "not a number")]
    [InlineData("1e9999", "'e' does not belong in a number")]
    [InlineData("12#", "does not belong in a number")]
    [InlineData("9999999999999", "implausibly large")]
    [InlineData("about 300", "only a currency symbol or code")]
    [InlineData("300 approx", "only a currency symbol or code")]
    [InlineData("约300", "only a currency symbol or code")]
    public void Amounts_that_are_not_numbers_say_why(string text, string reason)
    {
        var parser = new ValueParser(MappingProfile.BuiltIn);

        Assert.False(parser.TryParseAmount(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-03", "")]
    [InlineData("2026-10-03T14:30:00", "")]
    [InlineData("2026-10-03T14:30:00+08:00", "")]
    [InlineData("2026-10-03 14:30", "")]
    [InlineData("10/3/2026 14:30", "M/d/yyyy H:mm")]
    [InlineData("03.10.2026", "dd.MM.yyyy")]
    [InlineData("2026/10/03", "yyyy/MM/dd")]
    public void Dates_are_read_in_ISO_and_the_formats_a_profile_declares(string text, string format)
    {
        var parser = new ValueParser(new MappingProfile { DateFormats = format.Length > 0 ? [format] : [] });

        Assert.True(parser.TryParseDate(text, out var date, out var reason), reason);
        Assert.Equal(new DateOnly(2026, 10, 3), date);
    }

    [Theory]
    [InlineData("03/10/2026", "not a date in a common format")]
    [InlineData("2026-13-01", "not a date in a common format")]
    [InlineData("1066-10-14", "out of range")]
    [InlineData("", "empty")]
    public void Dates_in_the_wrong_format_say_why(string text, string reason)
    {
        var parser = new ValueParser(MappingProfile.BuiltIn);

        Assert.False(parser.TryParseDate(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
