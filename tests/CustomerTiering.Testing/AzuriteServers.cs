namespace CustomerTiering.Testing;

/// <summary>
/// The Azurite processes a test process shares, started as fixtures need them and stopped when it ends. A fixture gets a
/// fresh account on the server that fewest fixtures use; a second server starts once two fixtures would share one (two
/// test classes run side by side on two cores, and one Node process serves on one core). A server whose accounts are all
/// used stops when its last fixture ends.
/// </summary>
internal static class AzuriteServers
{
    private const int MaxServers = 2;
    private const int AccountsPerServer = 8;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly List<AzuriteServer> Running = [];

    static AzuriteServers() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var server in Running.ToList())
        {
            server.Kill();
        }
    };

    public static async Task<(AzuriteServer Server, string Account)> LeaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var server = Running.Where(s => s.HasUnusedAccount).MinBy(s => s.Leases);
            if (server is null || (server.Leases > 0 && Running.Count(s => s.HasUnusedAccount) < MaxServers))
            {
                server = await AzuriteServer.StartAsync(AccountsPerServer);
                Running.Add(server);
            }

            server.Leases++;
            return (server, server.TakeAccount());
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Deletes what the account holds, so the server's memory and its listings stay small, and gives the lease back.</summary>
    public static async Task ReleaseAsync(AzuriteServer server, string account)
    {
        try
        {
            await EmptyAsync(CustomerTiering.Storage.StorageAccount.FromConnectionString(AzuriteServer.ConnectionString(account, server.Ports)));
        }
        finally
        {
            await ReturnAsync(server);
        }
    }

    /// <summary>The lease given back, even when emptying failed: a server is retired once its last lease is back.</summary>
    private static async Task ReturnAsync(AzuriteServer server)
    {
        await Gate.WaitAsync();
        try
        {
            server.Leases--;
            if (server.Leases == 0 && !server.HasUnusedAccount)
            {
                Running.Remove(server);
                await server.DisposeAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task EmptyAsync(CustomerTiering.Storage.StorageAccount account)
    {
        var deletions = new List<Task>();
        await foreach (var container in account.Blobs.GetBlobContainersAsync())
        {
            deletions.Add(account.Blobs.DeleteBlobContainerAsync(container.Name));
        }

        await foreach (var queue in account.Queues.GetQueuesAsync())
        {
            deletions.Add(account.Queues.DeleteQueueAsync(queue.Name));
        }

        await foreach (var table in account.Tables.QueryAsync())
        {
            deletions.Add(account.Tables.DeleteTableAsync(table.Name));
        }

        await Task.WhenAll(deletions);
    }
}
