using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Domain.Tests;

/// <summary>Builds <see cref="CustomerMetrics"/> for tests: an active customer unless told otherwise.</summary>
public sealed class Customer
{
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    private readonly string _id;
    private decimal _revenue = 100m;
    private decimal _previous = 100m;
    private int _orders = 1;
    private int? _daysSinceLast = 30;
    private int? _daysSinceFirst = 400;
    private decimal? _margin;
    private int _breadth = 1;

    private Customer(string id) => _id = id;

    public static Customer Called(string id) => new(id);

    public Customer Revenue(decimal revenue, decimal? previous = null)
    {
        _revenue = revenue;
        _previous = previous ?? _previous;
        return this;
    }

    public Customer Previous(decimal previous)
    {
        _previous = previous;
        return this;
    }

    public Customer Orders(int orders)
    {
        _orders = orders;
        return this;
    }

    public Customer LastOrderDaysAgo(int? days)
    {
        _daysSinceLast = days;
        return this;
    }

    public Customer FirstOrderDaysAgo(int? days)
    {
        _daysSinceFirst = days;
        return this;
    }

    public Customer Margin(decimal? margin)
    {
        _margin = margin;
        return this;
    }

    public Customer Breadth(int breadth)
    {
        _breadth = breadth;
        return this;
    }

    public Customer Prospect()
    {
        _revenue = _previous = 0;
        _orders = 0;
        _daysSinceFirst = _daysSinceLast = null;
        return this;
    }

    public CustomerMetrics Build() => new(
        new CustomerProfile(CustomerId.Create(_id)),
        _daysSinceFirst is { } first ? AsOf.AddDays(-first) : null,
        _daysSinceLast is { } last ? AsOf.AddDays(-last) : null,
        _orders,
        _revenue,
        _margin,
        _breadth,
        _previous);

    public static implicit operator CustomerMetrics(Customer builder) => builder.Build();

    /// <summary>n customers with revenue 1, 2, …, n (C001 earns least).</summary>
    public static CustomerMetrics[] Ladder(int n) =>
        [.. Enumerable.Range(1, n).Select(i => Called($"C{i:000}").Revenue(i, previous: i).Orders(1).Build())];
}
