using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CustomerTiering.Storage;

namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>The app settings of local.settings.json <c>Values</c>: passed to the worker as environment variables, and read by bindings.</summary>
public sealed partial class AppSettings(IReadOnlyDictionary<string, string> values)
{
    public const string FunctionKey = "DevHost__FunctionKey";
    public const string MasterKey = "DevHost__MasterKey";

    /// <summary>The worker's token issuer; when the settings leave it out, the dev host's own (<c>Identity/DevTokenIssuer</c>).</summary>
    public const string TokenAuthority = "Authentication__Authority";

    private readonly ConcurrentDictionary<string, StorageAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The host id that names the host's own queues and blobs (timer status, blob triggers), as in Azure.</summary>
    public string HostId => this["AzureFunctionsWebHost__hostid"] ?? "customer-tiering-devhost";

    /// <summary>Origins allowed to call the API from a browser (local.settings.json <c>Host.CORS</c>; in Azure the app's CORS setting).</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Replaces each <c>%Name%</c> with the setting's value, as the Functions host does in binding properties.</summary>
    public string Resolve(string text, string context)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SettingReference().Replace(text, match =>
            this[match.Groups[1].Value] ?? throw new InvalidOperationException(
                $"{context} refers to app setting '{match.Groups[1].Value}', which local settings do not define."));
    }

    /// <summary>The storage account a binding's <c>connection</c> names (default <c>AzureWebJobsStorage</c>).</summary>
    public StorageAccount GetStorageAccount(string? connection)
    {
        var name = string.IsNullOrEmpty(connection) ? "AzureWebJobsStorage" : connection;
        return _accounts.GetOrAdd(name, Create);
    }

    private StorageAccount Create(string name)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Values.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        return StorageAccount.FromConfiguration(configuration, name);
    }

    [GeneratedRegex("%([A-Za-z0-9_.:-]+)%")]
    private static partial Regex SettingReference();
}
