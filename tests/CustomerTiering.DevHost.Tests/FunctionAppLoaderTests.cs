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

    private const string MinimalHost = """{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "handler" } } }""";

    [Fact]
    public void Reads_host_settings_with_the_Functions_defaults_where_host_json_is_silent()
    {
        Write("host.json", MinimalHost);

        var app = FunctionAppLoader.Load(_root);

        Assert.Equal("handler", app.Host.ExecutablePath);
        Assert.Equal("api", app.Host.RoutePrefix);
        Assert.Equal(QueueSettings.Defaults, app.Host.Queues);
        Assert.Empty(app.Functions);
    }

    [Fact]
    public void Resolves_app_setting_references_in_bindings_from_local_settings_before_the_sample()
    {
        Write("host.json", MinimalHost);
        Write("local.settings.sample.json", """{ "Values": { "InQueue": "from-sample" } }""");
        Write("local.settings.json", """{ "Values": { "InQueue": "from-local" } }""");
        Write("Ingest/function.json", """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "%InQueue%-x" } ] }""");

        var function = Assert.Single(FunctionAppLoader.Load(_root).Functions);

        Assert.Equal("Ingest", function.Name);
        Assert.Equal("from-local-x", function.Trigger.GetString("queueName"));
    }

    [Theory]
    [InlineData("""{ "bindings": [ { "type": "blobTrigger", "direction": "in", "name": "b", "path": "x/{name}" } ] }""", "does not support binding type(s) blobTrigger")]
    [InlineData("""{ "bindings": [ { "type": "queue", "direction": "out", "name": "o", "queueName": "q" } ] }""", "exactly one trigger, found 0")]
    [InlineData("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "queueName": "q" } ] }""", "'name' is missing")]
    [InlineData("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "%Nowhere%" } ] }""", "app setting 'Nowhere'")]
    [InlineData("""{ "bindings": [ """, "is not valid JSON")]
    [InlineData("""{ "disabled": true }""", "no 'bindings' array")]
    public void A_function_json_the_dev_host_cannot_run_stops_it_with_a_clear_message(string functionJson, string expected)
    {
        Write("host.json", MinimalHost);
        Write("Broken/function.json", functionJson);

        var error = Assert.ThrowsAny<Exception>(() => FunctionAppLoader.Load(_root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_host_json_is_not_an_app_root()
    {
        var error = Assert.Throws<FunctionAppException>(() => FunctionAppLoader.Load(_root));

        Assert.Contains("No host.json", error.Message, StringComparison.Ordinal);
    }
}
