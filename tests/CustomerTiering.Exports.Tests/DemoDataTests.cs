using System.Globalization;
using CustomerTiering.Demo;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Records;
using Xunit;

namespace CustomerTiering.Exports.Tests;

/// <summary>The demo shop: long-tailed, of both kinds of customer, and read by the real readers with exactly its bad rows refused.</summary>
public sealed class DemoDataTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);
    private readonly DemoShop _shop = DemoShop.Generate(2000, AsOf, seed: 42);
    private readonly string _folder = Directory.CreateTempSubdirectory("demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_few_customers_carry_most_revenue_and_both_kinds_and_languages_are_there()
    {
        var revenue = _shop.Orders
            .Where(o => decimal.TryParse(o.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _) && o.CustomerId.Length > 0)
            .GroupBy(o => o.CustomerId)
            .Select(g => g.Sum(o => decimal.Parse(o.Amount, CultureInfo.InvariantCulture) * (o.Status == "return" ? -1 : 1)))
            .OrderDescending()
            .ToList();
        var top = revenue.Take(revenue.Count / 20).Sum();

        Assert.True(top / revenue.Sum() > 0.3m, $"the top 5% carry {top / revenue.Sum():P0}");
        Assert.Contains(_shop.Customers, c => c.Type == "Enterprise");
        Assert.Contains(_shop.Customers, c => c.Type == "Individual");
        Assert.Contains(_shop.Customers, c => c.Name.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
        Assert.Contains(_shop.Customers, c => c.Name.All(char.IsAscii));
        Assert.Contains(_shop.Orders, o => o.Status == "return");
        Assert.Equal(_shop, DemoShop.Generate(2000, AsOf, seed: 42), DemoShopComparer.Instance);
    }

    [Fact]
    public void The_files_read_with_exactly_the_deliberately_bad_rows_refused()
    {
        DemoFiles.WriteCsv(_shop, _folder);

        var (customerKind, customers) = Export.Read(File.ReadAllBytes(Path.Combine(_folder, "customers.csv")), "customers/customers.csv");
        var (orderKind, orders) = Export.Read(File.ReadAllBytes(Path.Combine(_folder, "orders.csv")), "orders/orders.csv");

        Assert.Equal((ExportKind.Customers, ExportKind.Orders), (customerKind, orderKind));
        Assert.Equal(_shop.Customers.Count, customers.Count(r => r.Customer is { Type: CustomerType.Enterprise or CustomerType.Individual }));
        Assert.Equal(_shop.BadRows, orders.Count(r => r.Outcome == RowOutcome.Rejected));
        Assert.Equal(_shop.GuestRows, orders.Count(r => r.Outcome == RowOutcome.WithoutCustomer));
        Assert.True(_shop.BadRows < orders.Count / 100, "bad rows stay under 1%, so the file is taken");
        Assert.All(orders.Where(r => r.Order is not null), r => Assert.True(r.Order!.Order.Date <= AsOf));
    }

    private sealed class DemoShopComparer : IEqualityComparer<DemoShop>
    {
        public static DemoShopComparer Instance { get; } = new();

        public bool Equals(DemoShop? x, DemoShop? y) =>
            x is not null && y is not null && x.Customers.SequenceEqual(y.Customers) && x.Orders.SequenceEqual(y.Orders) && x.BadRows == y.BadRows && x.GuestRows == y.GuestRows;

        public int GetHashCode(DemoShop obj) => obj.Orders.Count;
    }
}
