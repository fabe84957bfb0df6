using System.Globalization;
using System.Text;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>A large, plausible order export: long-tailed amounts, two years of dates, a few categories.</summary>
internal static class SyntheticExport
{
    private static readonly string[] Categories = ["Tea", "Coffee", "Cups", "Kettles", "Gifts", "Snacks", "Porcelain", "Tins"];

    // dateFormat: how the dates are written, ISO by default or another common format the ingestion must infer.
    // idPrefix: starts every order id, so a second file's orders are not the first file's rows again.
    public static long WriteOrders(string path, int orders, int customers, string dateFormat = "yyyy-MM-dd", string idPrefix = "SO-")
    {
        var random = new Random(42);
        var start = new DateOnly(2024, 11, 1);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("Order ID,Customer ID,Order Date,Amount,Margin,Currency,Category\n");
            for (var i = 0; i < orders; i++)
            {
                var customer = (int)(customers * Math.Pow(random.NextDouble(), 2)); // some customers order far more often
                var amount = Math.Round(20 / Math.Pow(1 - random.NextDouble(), 1 / 1.5), 2);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{idPrefix}{i:D8},C{customer:D7},{start.AddDays(random.Next(0, 730)).ToString(dateFormat, CultureInfo.InvariantCulture)},{amount:0.00},{amount * 0.3:0.00},CNY,{Categories[random.Next(Categories.Length)]}\n"));
            }
        }

        return new FileInfo(path).Length;
    }
}
