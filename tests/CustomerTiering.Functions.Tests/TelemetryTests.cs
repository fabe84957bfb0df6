using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The worker's telemetry as configured for Azure: the app's services from its composition root, on a real Azurite, with
/// the OpenTelemetry log pipeline that feeds Application Insights; every line of an ingestion's or a run's work leaves
/// it with the ingestion or run id among its properties.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("ClientId=0f1e2d3c-0000-4000-8000-000000000001;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_authentication_string_names_the_managed_identity(string? authentication, bool expected)
    {
        var credential = Telemetry.Credential(authentication);

        Assert.Equal(expected, credential is ManagedIdentityCredential);
    }

    [Fact]
    public async Task Every_line_of_an_ingestion_and_of_a_run_carries_its_id()
    {
        var lines = new ScopeCapture();
        using var host = AppHost(lines);
        var account = host.Services.GetRequiredService<StorageAccount>();
        await SampleShop.SeedAsync(account, 30);

        await account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobClient("orders/telemetry.csv")
            .UploadAsync(BinaryData.FromString("Order ID,Customer ID,Order Date,Amount\nT1,C0001,2026-10-01,100\nT2,C0002,not-a-date,5\n"), overwrite: true);
        var ingestion = await host.Services.GetRequiredService<ExportIngestion>().IngestAsync("orders/telemetry.csv");

        var period = GradingPeriod.Parse("2026-10");
        var policy = await host.Services.GetRequiredService<PolicyStore>().CurrentAsync();
        var start = await host.Services.GetRequiredService<RegradeRuns>().StartAsync(
            new RegradeRequest("telemetry-run", period, period.LastDay, policy, DryRun: false, Shards: 2, "Test"));
        await PumpShardsAsync(host.Services, start.Run!.Id);

        var ingestionLines = lines.Of("CustomerTiering.Functions.Ingestion").ToList();
        var runLines = lines.Of("CustomerTiering.Functions.Regrading").ToList();
        Assert.Contains(ingestionLines, l => l.Message.Contains("started", StringComparison.Ordinal));
        Assert.All(ingestionLines, l => Assert.Equal(ingestion!.Id, l.Scope.GetValueOrDefault("IngestionId")));
        Assert.Contains(runLines, l => l.Message.Contains("succeeded", StringComparison.Ordinal));
        Assert.Contains(runLines, l => l.Scope.ContainsKey("Shard"));
        Assert.All(runLines, l => Assert.Equal("telemetry-run", l.Scope.GetValueOrDefault("RunId")));
    }

    [Fact]
    public void Locally_a_console_line_shows_every_scope_as_key_value_pairs()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var invocation = scopes.Push(new Dictionary<string, object> { ["az.schema_url"] = "https://opentelemetry.io/schemas/1.17.0", ["AzureFunctions_FunctionName"] = "IngestExport" });
        using var ingestion = scopes.Push(new FormattedScope("Ingestion {IngestionId}", "abc123"));
        using var text = new StringWriter();

        new ScopedLineFormatter().Write(
            new LogEntry<string>(LogLevel.Information, "CustomerTiering.Functions.Ingestion.ExportIngestion", new EventId(13), "started", null, (s, _) => s),
            scopes, text);

        Assert.Matches(@"^\d\d:\d\d:\d\d info CustomerTiering\.Functions\.Ingestion\.ExportIngestion AzureFunctions_FunctionName=IngestExport IngestionId=abc123: started\r?\n$", text.ToString());
    }

    /// <summary>A scope as <c>LoggerMessage.DefineScope</c> makes one: its values and the template.</summary>
    private sealed class FormattedScope(string template, string value) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _items =
            [new(template[(template.IndexOf('{', StringComparison.Ordinal) + 1)..^1], value), new("{OriginalFormat}", template)];

        public int Count => _items.Length;

        public KeyValuePair<string, object?> this[int index] => _items[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The app's services as the worker composes them with Application Insights configured, plus a capture of the log pipeline.</summary>
    private IHost AppHost(ScopeCapture capture)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:ConnectionString"] = "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            [StorageNames.DataConnection] = azurite.ConnectionString,
            ["TierChangesTopic"] = "telemetry-tier-changes",
            ["Privacy:ErasureKey"] = CustomerTiering.Testing.TestKeys.ErasureKey,
        });
        builder.AddTelemetry();
        builder.AddCustomerTiering();
        builder.Services.Configure<AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true);
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(capture));
        return builder.Build();
    }

    /// <summary>Does what the RegradeShard function does for each queued message, until the run has ended.</summary>
    private static async Task PumpShardsAsync(IServiceProvider services, string runId)
    {
        var queue = services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(StorageNames.RegradeShardsQueue);
        var worker = services.GetRequiredService<RegradeWorker>();
        var runs = services.GetRequiredService<RunStore>();
        await Eventually.ReturnsAsync<object>(async () =>
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(maxMessages: 16)).Value)
            {
                await worker.HandleAsync(message.Body.ToObjectFromJson<ShardWork>(RegradeJson.Options)!);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            return await runs.GetAsync(runId) is { IsFinished: true } run ? run : null;
        }, $"run {runId} to end");
    }

    /// <summary>The category, message and scope properties of every record the log pipeline exports.</summary>
    private sealed class ScopeCapture : BaseProcessor<LogRecord>
    {
        private readonly List<(string Category, string Message, Dictionary<string, object?> Scope)> _lines = [];

        public IEnumerable<(string Category, string Message, Dictionary<string, object?> Scope)> Of(string categoryPrefix)
        {
            lock (_lines)
            {
                return [.. _lines.Where(l => l.Category.StartsWith(categoryPrefix, StringComparison.Ordinal))];
            }
        }

        public override void OnEnd(LogRecord data)
        {
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            data.ForEachScope((item, properties) =>
            {
                foreach (var (key, value) in item)
                {
                    properties[key] = value?.ToString();
                }
            }, scope);
            lock (_lines)
            {
                _lines.Add((data.CategoryName ?? "", data.FormattedMessage ?? "", scope));
            }
        }
    }
}
