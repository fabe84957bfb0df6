using System.Globalization;
using FsCheck.Xunit;
using Sylvan.Data.Csv;

namespace CustomerTiering.Exports.Tests;

public sealed class CsvRoundTripProperties
{
    private static readonly char[] Awkward = [',', ';', '"', '\n', '\r', '\t', '|', ' ', '张', 'é', '€', 'a', 'Z', '0'];

    [Property(MaxTest = 200)]
    public bool A_csv_written_by_the_csv_library_reads_back_the_same_orders(int seed, byte count, bool semicolon)
    {
        var random = new Random(seed);
        string Awkwardly(int length) => new([.. Enumerable.Range(0, length).Select(_ => Awkward[random.Next(Awkward.Length)])]);
        var rows = Enumerable.Range(0, count + 1).Select(i => (
            Id: $"O{i}-" + Awkwardly(random.Next(0, 6)).Trim(),
            Customer: "C" + Awkwardly(random.Next(1, 8)).Trim(),
            Date: new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2500)),
            Amount: Math.Round((decimal)(random.NextDouble() * 20000 - 2000), 2),
            Category: Awkwardly(random.Next(0, 12)))).ToList();
        rows = [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Customer.Replace('\r', ' ').Replace('\n', ' ')) && !r.Customer.Any(char.IsControl) && !r.Id.Any(char.IsControl))];

        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, leaveOpen: true))
        using (var csv = CsvDataWriter.Create(text, new CsvDataWriterOptions { Delimiter = semicolon ? ';' : ',' }))
        {
            csv.Write(new OrderTable(rows).CreateDataReader());
        }

        var orders = Export.Read(buffer.ToArray()).Rows.Orders();

        return orders.Count == rows.Count && orders.Zip(rows).All(pair =>
            pair.First.Order.OrderId == pair.Second.Id.Trim()
            && pair.First.Order.CustomerId.Value == pair.Second.Customer.Trim()
            && pair.First.Order.Date == pair.Second.Date
            && pair.First.Order.NetAmount == pair.Second.Amount
            && (pair.First.Order.Category ?? "") == pair.Second.Category.Trim());
    }

    private sealed class OrderTable : System.Data.DataTable
    {
        public OrderTable(IEnumerable<(string Id, string Customer, DateOnly Date, decimal Amount, string Category)> rows)
        {
            Locale = CultureInfo.InvariantCulture;
            Columns.Add("Order ID");
            Columns.Add("Customer ID");
            Columns.Add("Order Date");
            Columns.Add("Amount");
            Columns.Add("Category");
            foreach (var r in rows)
            {
                Rows.Add(r.Id, r.Customer, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Amount.ToString(CultureInfo.InvariantCulture), r.Category);
            }
        }
    }
}
