namespace CustomerTiering.Domain.Customers;

/// <summary>A customer's master data: rides along with the grade, never changes it.</summary>
public sealed record CustomerProfile(
    CustomerId Id,
    string? Name = null,
    CustomerType Type = CustomerType.Unknown,
    string? Region = null,
    string? Channel = null,
    string? Owner = null,
    DateOnly? LastContact = null,
    decimal? CreditLimit = null);
