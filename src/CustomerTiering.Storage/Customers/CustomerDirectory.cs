using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>A customer's master data as last ingested: one point read.</summary>
public sealed class CustomerDirectory(StorageAccount account)
{
    public async Task<CustomerProfile?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var response = await account.Tables.GetTableClient(StorageNames.CustomersTable).GetEntityIfExistsAsync<TableEntity>(
            TableKeys.PartitionOf(customerId), TableKeys.Escape(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? CustomerEntities.ToProfile(response.Value!) : null;
    }
}
