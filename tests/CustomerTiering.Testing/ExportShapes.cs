using System.Globalization;
using System.Text;

namespace CustomerTiering.Testing;

/// <summary>What a generated export should leave per customer, computed from the generated rows by the test's own rules.</summary>
public sealed record ExpectedCustomer(string Id, int Orders, decimal NetRevenue, DateOnly LastPurchase);

/// <summary>A generated export: its bytes and, per customer, what ingesting it must give.</summary>
public sealed record GeneratedExport(byte[] Content, IReadOnlyDictionary<string, ExpectedCustomer> Expected, int Rows, int RowsWithoutCustomer);

/// <summary>
/// Exports in the shapes people really have, with their quirks, seeded: an order-line file shaped like the public
/// Online Retail II data set, a Chinese marketplace order report, and a shop's customer export.
/// </summary>
public static class ExportShapes
{
    /// <summary>
    /// Online Retail II: Invoice, StockCode, Description, Quantity, InvoiceDate as <c>12/1/2009 8:26</c>, Price, Customer ID
    /// as <c>12346.0</c>, Country. About a quarter of the lines have no customer (guest sales); invoices starting with
    /// <c>C</c> are credit notes with negative quantities. The first days all have day numbers up to 12, as the real file's
    /// first weeks do, so only the later rows tell M/d from d/M.
    /// </summary>
    public static GeneratedExport OnlineRetail(int invoices, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n");
        var lines = new List<(string Invoice, string? Customer, DateTime Time, int Quantity, decimal Price)>();
        var start = new DateTime(2009, 12, 1, 7, 45, 0);
        for (var i = 0; i < invoices; i++)
        {
            var credit = i % 17 == 16;
            var invoice = (credit ? "C" : "") + (489434 + i).ToString(CultureInfo.InvariantCulture);
            var customer = random.NextDouble() < 0.25 ? null : (12346 + random.Next(0, 60)).ToString(CultureInfo.InvariantCulture);
            var time = start.AddMinutes(i * 40 * 24 * 60 / invoices); // forty days over the file
            var country = random.Next(3) switch { 0 => "United Kingdom", 1 => "France", _ => "EIRE" };
            for (var l = 0; l < 1 + random.Next(4); l++)
            {
                var quantity = (1 + random.Next(24)) * (credit ? -1 : 1);
                var price = Math.Round(0.5m + (decimal)random.NextDouble() * 10, 2);
                lines.Add((invoice, customer, time, quantity, price));
                text.Append(CultureInfo.InvariantCulture,
                    $"{invoice},{85000 + random.Next(999)}A,\"ITEM {l}, SMALL\",{quantity},{time:M/d/yyyy H:mm},{price},{(customer is null ? "" : customer + ".0")},{country}\n");
            }
        }

        var expected = lines.Where(l => l.Customer is not null).GroupBy(l => l.Customer!).ToDictionary(
            g => g.Key,
            g => new ExpectedCustomer(g.Key, g.Select(l => l.Invoice).Distinct().Count(), g.Sum(l => l.Quantity * l.Price),
                DateOnly.FromDateTime(g.Where(l => l.Quantity > 0).Select(l => l.Time).DefaultIfEmpty(DateTime.MinValue).Max())));
        return new GeneratedExport(Encoding.UTF8.GetBytes(text.ToString()), expected, lines.Count, lines.Count(l => l.Customer is null));
    }

    /// <summary>
    /// A Chinese marketplace order report, in GB18030: 订单编号 guarded as <c>="3875…"</c>, 买家会员名, 买家应付货款,
    /// 总金额 and 买家实际支付金额 (what was paid, which is the amount), 订单创建时间 as <c>2024/5/27 23:28:34</c>, 订单状态
    /// (交易成功; 交易关闭 and 退款成功 count nothing), 宝贝标题. Amounts sometimes carry ¥ or 元.
    /// </summary>
    public static GeneratedExport Marketplace(int orders, int seed = 12)
    {
        var random = new Random(seed);
        var text = new StringBuilder("订单编号,买家会员名,买家支付宝账号,买家应付货款,总金额,买家实际支付金额,订单状态,订单创建时间,宝贝标题\n");
        var rows = new List<(string Buyer, DateTime Time, decimal Paid, bool Counts)>();
        var start = new DateTime(2024, 5, 1, 9, 0, 0);
        string[] titles = ["春季新款连衣裙", "纯棉T恤 男", "保温杯 500ml", "蓝牙耳机"];
        for (var i = 0; i < orders; i++)
        {
            var buyer = "tb" + (1000 + random.Next(40)).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "_小店" : "");
            var total = Math.Round(20m + (decimal)random.NextDouble() * 400, 2);
            var paid = total - Math.Round((decimal)random.NextDouble() * 10, 2);
            var status = (i % 13) switch { 5 => "交易关闭", 9 => "退款成功", _ => "交易成功" };
            var time = start.AddMinutes(i * 37);
            rows.Add((buyer, time, paid, status == "交易成功"));
            var shownPaid = (i % 3) switch
            {
                0 => paid.ToString(CultureInfo.InvariantCulture),
                1 => "¥" + paid.ToString(CultureInfo.InvariantCulture),
                _ => paid.ToString(CultureInfo.InvariantCulture) + "元",
            };
            text.Append(CultureInfo.InvariantCulture,
                $"=\"{387500000000000 + i}\",{buyer},{buyer}@example.cn,{total},{total},{shownPaid},{status},{time:yyyy/M/d H:mm:ss},{titles[i % titles.Length]}\n");
        }

        var expected = rows.GroupBy(r => r.Buyer).ToDictionary(
            g => g.Key,
            g => new ExpectedCustomer(g.Key, g.Count(), g.Where(r => r.Counts).Sum(r => r.Paid),
                DateOnly.FromDateTime(g.Where(r => r.Counts).Select(r => r.Time).DefaultIfEmpty(DateTime.MinValue).Max())));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new GeneratedExport(Encoding.GetEncoding("GB18030").GetBytes(text.ToString()), expected, rows.Count, 0);
    }

    /// <summary>A shop's customer export: Customer ID, First Name, Last Name, Email, Company, Country, Total Spent, Total Orders, Tags.</summary>
    public static (byte[] Content, IReadOnlyDictionary<string, string> Names) ShopCustomers(int customers)
    {
        var text = new StringBuilder("Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Company,Country,Total Spent,Total Orders,Tags\n");
        var names = new Dictionary<string, string>();
        for (var i = 0; i < customers; i++)
        {
            var id = "'" + (6581234500000 + i).ToString(CultureInfo.InvariantCulture);
            var (first, last) = (i % 2 == 0 ? "Ana" : "Wei", "Shop" + i.ToString(CultureInfo.InvariantCulture));
            names[id[1..]] = $"{first} {last}";
            text.Append(CultureInfo.InvariantCulture, $"{id},{first},{last},c{i}@example.com,yes,,Germany,{i * 10}.50,{i % 5},\"vip, newsletter\"\n");
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), names);
    }
}
