using System.Text;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>An ingestion's rejected-rows CSV: whole from an attempt that finished, or nothing of an attempt that failed.</summary>
public sealed class ReportStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ReportStore Reports => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_failed_attempt_commits_nothing_a_finished_one_replaces_the_file_and_one_without_rejects_removes_it()
    {
        const string id = "ing-rejected-1";
        await Reports.SaveRejectedRowsAsync(id, stream => WriteAsync(stream, "row,column,value,reason\n2,Amount,-x,not a number\n", holdsRows: true));

        await Assert.ThrowsAsync<IOException>(() => Reports.SaveRejectedRowsAsync(id, async stream =>
        {
            await WriteAsync(stream, "row,column,value,reason\n9,Name,half", holdsRows: true);
            throw new IOException("the export could not be read to its end");
        }));
        Assert.Equal("row,column,value,reason\n2,Amount,-x,not a number\n", await ReadAsync(id));

        await Reports.SaveRejectedRowsAsync(id, stream => WriteAsync(stream, "row,column,value,reason\n", holdsRows: false));
        Assert.Null(await ReadAsync(id));
    }

    private static async Task<bool> WriteAsync(Stream stream, string text, bool holdsRows)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        return holdsRows;
    }

    private async Task<string?> ReadAsync(string id)
    {
        await using var stream = await Reports.OpenRejectedRowsForReadingAsync(id);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }
}
