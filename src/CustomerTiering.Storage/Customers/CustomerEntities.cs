using System.Globalization;
using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// How customers, orders and invoices are laid out in Table storage. A customer's row and all its orders and invoices
/// share a partition (in their tables), and an order's or invoice's row key starts with its customer's id, so one partition scan yields each customer with its orders together.
/// Money is stored as invariant decimal text: Table storage has no decimal type, and a double would not round-trip cents.
/// </summary>
public static class CustomerEntities
{
    public static TableEntity ToEntity(CustomerProfile customer, string source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new TableEntity(TableKeys.PartitionOf(customer.Id.Value), TableKeys.Escape(customer.Id.Value))
        {
            ["CustomerId"] = customer.Id.Value,
            ["Name"] = customer.Name,
            ["Type"] = customer.Type.ToString(),
            ["Region"] = customer.Region,
            ["Channel"] = customer.Channel,
            ["Owner"] = customer.Owner,
            ["LastContact"] = customer.LastContact?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CreditLimit"] = customer.CreditLimit?.ToString(CultureInfo.InvariantCulture),
            ["Source"] = source,
            ["UpdatedAt"] = at,
        };
    }

    public static CustomerProfile ToProfile(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new CustomerProfile(
            CustomerId.Create(entity.GetString("CustomerId")),
            entity.GetString("Name"),
            Enum.TryParse<CustomerType>(entity.GetString("Type"), out var type) ? type : CustomerType.Unknown,
            entity.GetString("Region"),
            entity.GetString("Channel"),
            entity.GetString("Owner"),
            entity.GetString("LastContact") is { } lastContact ? DateOnly.ParseExact(lastContact, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            entity.GetString("CreditLimit") is { } limit ? decimal.Parse(limit, CultureInfo.InvariantCulture) : null);
    }

    public static TableEntity ToEntity(Order order, string? currency, string source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new TableEntity(TableKeys.PartitionOf(order.CustomerId.Value), OrderRowKey(order.CustomerId.Value, order.OrderId))
        {
            ["OrderId"] = order.OrderId,
            ["CustomerId"] = order.CustomerId.Value,
            ["Date"] = order.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Amount"] = order.NetAmount.ToString(CultureInfo.InvariantCulture),
            ["Margin"] = order.Margin?.ToString(CultureInfo.InvariantCulture),
            ["Currency"] = currency,
            ["Category"] = order.Category,
            ["Source"] = source,
            ["UpdatedAt"] = at,
        };
    }

    public static Order ToOrder(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new Order(
            entity.GetString("OrderId"),
            CustomerId.Create(entity.GetString("CustomerId")),
            DateOnly.ParseExact(entity.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(entity.GetString("Amount"), CultureInfo.InvariantCulture),
            entity.GetString("Margin") is { } margin ? decimal.Parse(margin, CultureInfo.InvariantCulture) : null,
            entity.GetString("Category"));
    }

    public static TableEntity ToEntity(Invoice invoice, string source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new TableEntity(TableKeys.PartitionOf(invoice.CustomerId.Value), OrderRowKey(invoice.CustomerId.Value, invoice.InvoiceId))
        {
            ["InvoiceId"] = invoice.InvoiceId,
            ["CustomerId"] = invoice.CustomerId.Value,
            ["Date"] = invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DueDate"] = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Amount"] = invoice.Amount.ToString(CultureInfo.InvariantCulture),
            ["PaidDate"] = invoice.PaidDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PaidAmount"] = invoice.PaidAmount?.ToString(CultureInfo.InvariantCulture),
            ["Source"] = source,
            ["UpdatedAt"] = at,
        };
    }

    public static Invoice ToInvoice(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Invoice(
            entity.GetString("InvoiceId"),
            CustomerId.Create(entity.GetString("CustomerId")),
            Day(entity.GetString("Date")),
            Day(entity.GetString("DueDate")),
            decimal.Parse(entity.GetString("Amount"), CultureInfo.InvariantCulture),
            entity.GetString("PaidDate") is { } paid ? Day(paid) : null,
            entity.GetString("PaidAmount") is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The customer's id, '|', the order's (or invoice's) id: an id seen again replaces its row.</summary>
    public static string OrderRowKey(string customerId, string orderId) => $"{TableKeys.Escape(customerId)}|{TableKeys.Escape(orderId)}";
}
