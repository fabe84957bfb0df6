using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>What a run's phases hand each other: an artifact reads whole, or not at all.</summary>
public sealed class RunArtifactsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly JsonTypeInfo<string> Text = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));

    private RunArtifacts Artifacts => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lines_written_in_many_blocks_read_back_whole_and_in_order()
    {
        // Random text does not compress: about 9 MB of gzip, more than one block of the write and of the read.
        var random = new Random(7);
        var lines = Enumerable.Range(0, 30_000).Select(i => $"{i}:{Convert.ToHexString(Bytes(random, 150))}").ToList();

        await Artifacts.WriteLinesAsync("2026-11-whole/metrics/000.jsonl.gz", lines, Text);

        Assert.Equal(lines, await Artifacts.ReadLinesAsync("2026-11-whole/metrics/000.jsonl.gz", Text).ToListAsync());
        // Its count goes with it, to be known before it is read; a file that is not there has none.
        Assert.Equal(30_000, await Artifacts.LineCountAsync("2026-11-whole/metrics/000.jsonl.gz"));
        Assert.Null(await Artifacts.LineCountAsync("2026-11-whole/metrics/001.jsonl.gz"));
    }

    [Fact]
    public async Task A_file_written_again_while_it_is_read_is_read_on_from_where_the_read_was()
    {
        // 9 MB of gzip: the read downloads it in more than one range, each held to the version the first one found.
        const string path = "2026-11-again/metrics/000.jsonl.gz";
        var random = new Random(8);
        var lines = Enumerable.Range(0, 30_000).Select(i => $"{i}:{Convert.ToHexString(Bytes(random, 150))}").ToList();
        await Artifacts.WriteLinesAsync(path, lines, Text);

        var read = new List<string>();
        await foreach (var line in Artifacts.ReadLinesAsync(path, Text))
        {
            read.Add(line);
            if (read.Count == 1)
            {
                // A copy of the step that made it makes it again, the same lines in a new version.
                await Artifacts.WriteLinesAsync(path, lines, Text);
            }
        }

        Assert.Equal(lines, read);
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_no_artifact_and_the_one_before_stands()
    {
        const string path = "2026-11-failed/grades/000.jsonl.gz";
        await Artifacts.WriteLinesAsync(path, ["before"], Text);

        var failing = await Assert.ThrowsAsync<InvalidOperationException>(() => Artifacts.WriteLinesAsync(path, Failing(), Text));

        Assert.Equal("the step failed", failing.Message);
        Assert.Equal(["before"], await Artifacts.ReadLinesAsync(path, Text).ToListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Artifacts.WriteLinesAsync("2026-11-failed/grades/001.jsonl.gz", Failing(), Text));
        Assert.False(await azurite.Account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer).GetBlobClient("2026-11-failed/grades/001.jsonl.gz").ExistsAsync());
    }

    private static IEnumerable<string> Failing()
    {
        for (var i = 0; i < 20_000; i++)
        {
            yield return new string('x', 200) + i;
        }

        throw new InvalidOperationException("the step failed");
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
