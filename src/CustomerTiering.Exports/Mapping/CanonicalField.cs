namespace CustomerTiering.Exports.Mapping;

/// <summary>The fields the app understands, whatever the export calls them.</summary>
public enum CanonicalField
{
    CustomerId,
    Name,
    FirstName,
    LastName,
    CustomerType,
    Region,
    Channel,
    Owner,
    LastContact,
    OrderId,
    OrderDate,
    Amount,
    Margin,
    Currency,
    Category,
    Status,
    InvoiceNo,
    ProductCode,
    Quantity,
    UnitPrice,
    DueDate,
    PaidDate,
    PaidAmount,
    CreditLimit,
}
