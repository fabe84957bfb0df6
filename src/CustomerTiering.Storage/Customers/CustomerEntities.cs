using System.Globalization;
using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// How customers and orders are laid out in Table storage. A customer's row and all its orders share a partition, and an
/// order's row key starts with its customer's id, so one partition scan yields each customer with its orders together.
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
            entity.GetString("LastContact") is { } lastContact ? DateOnly.ParseExact(lastContact, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
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

    /// <summary>The customer's id, '|', the order's id: an order id seen again replaces its row.</summary>
    public static string OrderRowKey(string customerId, string orderId) => $"{TableKeys.Escape(customerId)}|{TableKeys.Escape(orderId)}";
}
