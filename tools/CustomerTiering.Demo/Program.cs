using System.Globalization;
using CustomerTiering.Demo;

// Usage: CustomerTiering.Demo <output folder> [--customers 3000] [--as-of 2026-10-31] [--seed 42] [--xlsx] [--jsonl]
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: CustomerTiering.Demo <output folder> [--customers N] [--as-of yyyy-MM-dd] [--seed N] [--xlsx] [--jsonl]");
    return 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var customers = int.Parse(Option("--customers") ?? "3000", CultureInfo.InvariantCulture);
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var asOf = Option("--as-of") is { } text
    ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
    : new DateOnly(today.Year, today.Month, 1).AddDays(-1); // the month that just ended
var shop = DemoShop.Generate(customers, asOf, int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture));

Directory.CreateDirectory(args[0]);
var written = DemoFiles.WriteCsv(shop, args[0]);
if (args.Contains("--xlsx"))
{
    written.AddRange(DemoFiles.WriteXlsx(shop, args[0]));
}

if (args.Contains("--jsonl"))
{
    written.AddRange(DemoFiles.WriteJsonLines(shop, args[0]));
}

Console.WriteLine($"{shop.Customers.Count:N0} customers, {shop.Orders.Count:N0} order rows over 24 months to {asOf:yyyy-MM-dd}, {shop.BadRows} of them deliberately bad and {shop.GuestRows} without a customer, {shop.Invoices.Count:N0} invoices:");
written.ForEach(f => Console.WriteLine($"  {f}"));
return 0;
