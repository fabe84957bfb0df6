using CustomerTiering.DevHost.FunctionApp;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class FunctionAppLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("app-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string MinimalHost = """{ "version": "2.0" }""";
    private const string Worker = """{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "dotnet", "defaultWorkerPath": "App.dll" } }""";

    private void WriteApp(string functionsMetadata)
    {
        Write("host.json", MinimalHost);
        Write("worker.config.json", Worker);
        Write("functions.metadata", functionsMetadata);
    }

    [Fact]
    public void Reads_host_settings_with_the_Functions_defaults_where_host_json_is_silent()
    {
        WriteApp("[]");

        var app = FunctionAppLoader.Load(_root);

        Assert.Equal(("dotnet", "App.dll"), (app.Worker.ExecutablePath, app.Worker.WorkerPath));
        Assert.Equal("api", app.Host.RoutePrefix);
        Assert.Equal(QueueSettings.Defaults, app.Host.Queues);
        Assert.Empty(app.Functions);
    }

    [Theory]
    [InlineData("""{ "batchSize": 8 }""", 8, -1)]
    [InlineData("""{ "batchSize": 8, "newBatchThreshold": 3 }""", 8, 3)]
    [InlineData("""{ "batchSize": 8, "newBatchThreshold": 0 }""", 8, 0)]
    [InlineData("""{ "batchSize": 8, "newBatchThreshold": -2 }""", 8, -1)]
    public void Reads_the_queue_batch_and_its_threshold_half_a_batch_per_core_when_unset(string queues, int batchSize, int threshold)
    {
        WriteApp("[]");
        Write("host.json", $$"""{ "version": "2.0", "extensions": { "queues": {{queues}} } }""");

        var settings = FunctionAppLoader.Load(_root).Host.Queues;

        Assert.Equal(batchSize, settings.BatchSize);
        Assert.Equal(threshold >= 0 ? threshold : batchSize / 2 * Environment.ProcessorCount, settings.NewBatchThreshold);
    }

    [Fact]
    public void An_app_setting_AzureFunctionsJobHost_path_overrides_that_host_json_value_and_leaves_the_others()
    {
        WriteApp("[]");
        Write("host.json", """{ "version": "2.0", "extensions": { "queues": { "visibilityTimeout": "00:00:10", "batchSize": 8 } } }""");
        Write("local.settings.json", """{ "Values": { "AzureFunctionsJobHost__extensions__queues__visibilityTimeout": "00:00:02", "AzureFunctionsJobHost__functionTimeout": "00:05:00" } }""");

        var host = FunctionAppLoader.Load(_root).Host;

        Assert.Equal((TimeSpan.FromSeconds(2), 8, TimeSpan.FromMinutes(5)), (host.Queues.VisibilityTimeout, host.Queues.BatchSize, host.FunctionTimeout));
    }

    [Fact]
    public void Resolves_app_setting_references_in_bindings_from_local_settings_before_the_sample()
    {
        WriteApp("""[ { "name": "Ingest", "bindings": [ { "type": "queueTrigger", "direction": "In", "name": "m", "queueName": "%InQueue%-x" } ] } ]""");
        Write("local.settings.sample.json", """{ "Values": { "InQueue": "from-sample" } }""");
        Write("local.settings.json", """{ "Values": { "InQueue": "from-local" } }""");

        var function = Assert.Single(FunctionAppLoader.Load(_root).Functions);

        Assert.Equal("Ingest", function.Name);
        Assert.Equal("from-local-x", function.Trigger.GetString("queueName"));
    }

    [Theory]
    [InlineData("""[ { "name": "B", "bindings": [ { "type": "serviceBusTrigger", "direction": "In", "name": "m", "queueName": "q" } ] } ]""", "does not support binding type(s) serviceBusTrigger")]
    [InlineData("""[ { "name": "B", "bindings": [ { "type": "http", "direction": "Out", "name": "o" } ] } ]""", "exactly one trigger, found 0")]
    [InlineData("""[ { "name": "B", "bindings": [ { "type": "queueTrigger", "direction": "In", "queueName": "q" } ] } ]""", "'name' is missing")]
    [InlineData("""[ { "name": "B", "bindings": [ { "type": "queueTrigger", "direction": "In", "name": "m", "queueName": "%Nowhere%" } ] } ]""", "app setting 'Nowhere'")]
    [InlineData("""[ { "bindings": [ """, "is not valid JSON")]
    [InlineData("""[ { "name": "B", "disabled": true } ]""", "no 'bindings' array")]
    [InlineData("""{ "name": "B" }""", "not a JSON array")]
    public void A_functions_metadata_the_dev_host_cannot_run_stops_it_with_a_clear_message(string functionsMetadata, string expected)
    {
        WriteApp(functionsMetadata);

        var error = Assert.ThrowsAny<Exception>(() => FunctionAppLoader.Load(_root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_root_without_the_worker_sdk_files_says_to_build_first()
    {
        Write("host.json", MinimalHost);

        var error = Assert.Throws<FunctionAppException>(() => FunctionAppLoader.Load(_root));

        Assert.Contains("build the app first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_host_json_is_not_an_app_root()
    {
        var error = Assert.Throws<FunctionAppException>(() => FunctionAppLoader.Load(_root));

        Assert.Contains("No host.json", error.Message, StringComparison.Ordinal);
    }
}
