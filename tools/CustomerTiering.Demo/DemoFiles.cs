using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace CustomerTiering.Demo;

/// <summary>The demo shop as export files: CSV (always), XLSX and JSON Lines on request. The CSV headers are Chinese for customers, English for orders, as mixed CRMs have them.</summary>
public static class DemoFiles
{
    public static List<string> WriteCsv(DemoShop shop, string folder)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var customers = Path.Combine(folder, "customers.csv");
        var orders = Path.Combine(folder, "orders.csv");
        var invoices = Path.Combine(folder, "invoices.csv");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        File.WriteAllLines(customers, ["客户编号,客户名称,客户类型,区域,渠道,客户经理,最后联系日期,信用额度",
            .. shop.Customers.Select(c => Csv(c.Id, c.Name, c.Type, c.Region, c.Channel, c.Owner, c.LastContact, c.CreditLimit))], utf8);
        File.WriteAllLines(orders, ["Order ID,Customer ID,Order Date,Amount,Margin,Currency,Category,Status",
            .. shop.Orders.Select(o => Csv(o.OrderId, o.CustomerId, o.Date, o.Amount, o.Margin, "CNY", o.Category, o.Status))], utf8);
        File.WriteAllLines(invoices, ["Invoice No,Customer ID,Invoice Date,Due Date,Amount,Paid Date,Amount Paid",
            .. shop.Invoices.Select(i => Csv(i.InvoiceId, i.CustomerId, i.Date, i.DueDate, i.Amount, i.PaidDate, i.PaidAmount))], utf8);
        return [customers, orders, invoices];
    }

    public static IEnumerable<string> WriteXlsx(DemoShop shop, string folder)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var path = Path.Combine(folder, "orders.xlsx");
        File.Delete(path);
        MiniExcel.SaveAs(path, shop.Orders.Select(o => new Dictionary<string, object>
        {
            ["Order ID"] = o.OrderId, ["Customer ID"] = o.CustomerId, ["Order Date"] = o.Date, ["Amount"] = o.Amount,
            ["Margin"] = o.Margin, ["Currency"] = "CNY", ["Category"] = o.Category, ["Status"] = o.Status,
        }));
        return [path];
    }

    public static IEnumerable<string> WriteJsonLines(DemoShop shop, string folder)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var path = Path.Combine(folder, "customers.jsonl");
        File.WriteAllLines(path, shop.Customers.Select(c => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["customer_id"] = c.Id, ["name"] = c.Name, ["type"] = c.Type, ["region"] = c.Region, ["channel"] = c.Channel, ["owner"] = c.Owner, ["last_contact"] = c.LastContact,
        })));
        return [path];
    }

    private static string Csv(params string[] cells) =>
        string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
}
