namespace CustomerTiering.Domain.Customers;

/// <summary>Whether the customer is a person or an organisation.</summary>
public enum CustomerType
{
    Unknown,
    Individual,
    Enterprise,
}
