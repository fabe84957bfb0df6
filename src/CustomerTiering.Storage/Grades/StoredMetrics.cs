using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Grades;

/// <summary>A customer's metrics as a shard hands them to the run's grading step.</summary>
public sealed record StoredMetrics(
    string Id,
    string? Name,
    CustomerType Type,
    string? Region,
    string? Channel,
    string? Owner,
    DateOnly? FirstOrderDate,
    DateOnly? LastOrderDate,
    int OrderCount,
    decimal NetRevenue,
    decimal? Margin,
    int ProductBreadth,
    decimal PreviousNetRevenue,
    DateOnly? LastContact = null,
    PurchaseHistory? History = null,
    CreditRecord? Credit = null,
    decimal? CreditLimit = null)
{
    public static StoredMetrics From(CustomerMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var p = m.Profile;
        return new(p.Id.Value, p.Name, p.Type, p.Region, p.Channel, p.Owner, m.FirstOrderDate, m.LastOrderDate, m.OrderCount,
            m.NetRevenue, m.Margin, m.ProductBreadth, m.PreviousNetRevenue, p.LastContact, m.History, m.Credit, p.CreditLimit);
    }

    public CustomerMetrics ToMetrics() => new(
        new CustomerProfile(CustomerId.Create(Id), Name, Type, Region, Channel, Owner, LastContact, CreditLimit),
        FirstOrderDate, LastOrderDate, OrderCount, NetRevenue, Margin, ProductBreadth, PreviousNetRevenue) { History = History, Credit = Credit };
}
