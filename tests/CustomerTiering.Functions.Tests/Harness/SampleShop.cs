using System.Globalization;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A small shop written straight to the tables, as ingestion leaves them: customers with long-tailed spend from 2025-01
/// to 2026-10, some of whom stop buying or start late; one in eleven (C0001, C0012, …) has no owner. Seeded, so every run
/// of a test sees the same shop.
/// </summary>
public static class SampleShop
{
    /// <summary>Writes <paramref name="customers"/> customers and their orders; <paramref name="ownerOf"/> gives customer number n's
    /// owner (without it, one in eleven has none and the rest are owner0 … owner3).</summary>
    public static async Task SeedAsync(StorageAccount account, int customers, int seed = 7, Func<int, string?>? ownerOf = null)
    {
        ownerOf ??= c => c % 11 == 1 ? null : $"owner{c % 4}";
        ArgumentNullException.ThrowIfNull(account);
        await new StorageProvisioner(account).EnsureCreatedAsync();
        var random = new Random(seed);
        var now = DateTimeOffset.UnixEpoch;
        var customerWriter = new BatchWriter(account.Tables.GetTableClient(StorageNames.CustomersTable));
        var orderWriter = new BatchWriter(account.Tables.GetTableClient(StorageNames.OrdersTable));
        var first = new DateOnly(2025, 1, 1);
        for (var c = 0; c < customers; c++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"C{c:0000}");
            var profile = new CustomerProfile(CustomerId.Create(id), $"Customer {c}", c % 3 == 0 ? CustomerType.Enterprise : CustomerType.Individual,
                c % 2 == 0 ? "East" : "West", "Web", ownerOf(c), c % 5 == 0 ? new DateOnly(2026, 1, 1).AddDays(c % 60) : null);
            await customerWriter.AddAsync(CustomerEntities.ToEntity(profile, "seed", now));

            // Spend per order falls off with the customer's rank; start and end months vary, so some churn and some are new.
            var scale = 5000m / (1 + c);
            var start = random.Next(0, 20);
            var end = random.Next(start, 23);
            var orders = random.Next(1, 12);
            for (var o = 0; o < orders; o++)
            {
                var date = first.AddMonths(random.Next(start, end + 1)).AddDays(random.Next(0, 28));
                var amount = Math.Round(scale * (decimal)(0.5 + random.NextDouble()) + 1, 2);
                var order = new Order($"{id}-O{o}", CustomerId.Create(id), date, amount, amount * 0.3m, o % 2 == 0 ? "Tea" : "Cups");
                await orderWriter.AddAsync(CustomerEntities.ToEntity(order, "CNY", "seed", now));
            }
        }

        await customerWriter.FlushAsync();
        await orderWriter.FlushAsync();
    }

    public static async Task AddOrderAsync(StorageAccount account, string customerId, string orderId, DateOnly date, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(account);
        var order = new Order(orderId, CustomerId.Create(customerId), date, amount, null, "Tea");
        await account.Tables.GetTableClient(StorageNames.OrdersTable).UpsertEntityAsync(CustomerEntities.ToEntity(order, "CNY", "seed", DateTimeOffset.UnixEpoch));
    }
}
