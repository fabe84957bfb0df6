using System.Globalization;
using System.Text.Json;

namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>Reads an app root: host.json, worker.config.json, functions.metadata, and local.settings.json (or its sample).</summary>
public static class FunctionAppLoader
{
    // local.settings.json is the developer's own copy; the committed sample serves until there is one.
    private static readonly string[] SettingsFiles = ["local.settings.json", "local.settings.sample.json"];
    private const string HostOverridePrefix = "AzureFunctionsJobHost__";
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static FunctionAppDefinition Load(string root, string? settingsFile = null)
    {
        root = Path.GetFullPath(root);
        var hostFile = Path.Combine(root, "host.json");
        if (!File.Exists(hostFile))
        {
            throw new FunctionAppException($"No host.json in '{root}': is this the app root (the worker's build or publish folder)?");
        }

        var settings = LoadSettings(root, settingsFile);
        var host = ReadHost(hostFile, settings);
        var worker = ReadWorker(Path.Combine(root, "worker.config.json"));
        var functions = ReadFunctions(Path.Combine(root, "functions.metadata"), settings);
        return new FunctionAppDefinition(root, host, worker, functions, settings);
    }

    /// <summary>The functions the worker SDK listed at build time; the worker reports the same ones when asked.</summary>
    public static IReadOnlyList<FunctionDefinition> ReadFunctions(string file, AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(file))
        {
            throw new FunctionAppException($"No functions.metadata in '{Path.GetDirectoryName(file)}': build the app first (the worker SDK writes it).");
        }

        using var document = Parse(file);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FunctionAppException($"{file}: not a JSON array of functions.");
        }

        var functions = new List<FunctionDefinition>();
        foreach (var (entry, index) in document.RootElement.EnumerateArray().Select((e, i) => (e, i)))
        {
            var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } text
                ? text
                : throw new FunctionAppException($"{file}[{index}]: 'name' is missing.");
            if (!entry.TryGetProperty("bindings", out var bindingsElement) || bindingsElement.ValueKind != JsonValueKind.Array)
            {
                throw new FunctionAppException($"{file} {name}: no 'bindings' array.");
            }

            var bindings = bindingsElement.EnumerateArray().Select((b, i) => ReadBinding(b, $"{file} {name} bindings[{i}]", settings)).ToList();
            var unsupported = bindings.Where(b => !BindingTypes.Supported.Contains(b.Type)).Select(b => b.Type).ToList();
            if (unsupported.Count > 0)
            {
                throw new FunctionAppException($"{file} {name}: the dev host does not support binding type(s) {string.Join(", ", unsupported)}.");
            }

            var triggers = bindings.Where(b => b.IsTrigger).ToList();
            if (triggers.Count != 1)
            {
                throw new FunctionAppException($"{file} {name}: a function needs exactly one trigger, found {triggers.Count}.");
            }

            functions.Add(new FunctionDefinition(name, triggers[0]));
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static BindingDefinition ReadBinding(JsonElement binding, string context, AppSettings settings)
    {
        if (binding.ValueKind != JsonValueKind.Object)
        {
            throw new FunctionAppException($"{context}: a binding must be an object.");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in binding.EnumerateObject())
        {
            properties[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? JsonSerializer.SerializeToElement(settings.Resolve(property.Value.GetString()!, context))
                : property.Value.Clone();
        }

        string Required(string key) =>
            properties.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new FunctionAppException($"{context}: '{key}' is missing.");

        return new BindingDefinition(Required("type"), Required("direction"), Required("name"), properties);
    }

    private static WorkerSettings ReadWorker(string file)
    {
        if (!File.Exists(file))
        {
            throw new FunctionAppException($"No worker.config.json in '{Path.GetDirectoryName(file)}': build the app first (the worker SDK writes it).");
        }

        using var document = Parse(file);
        var description = Find(document.RootElement, "description");
        var executable = description?.TryGetProperty("defaultExecutablePath", out var e) == true ? e.GetString() : null;
        if (executable is not { Length: > 0 })
        {
            throw new FunctionAppException($"{file}: 'description.defaultExecutablePath' is missing.");
        }

        var workerPath = description!.Value.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        var arguments = description.Value.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array
            ? args.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
            : [];
        return new WorkerSettings(executable, workerPath, arguments);
    }

    /// <summary>
    /// host.json, where an app setting <c>AzureFunctionsJobHost__path__to__key</c> overrides <c>path.to.key</c>, as the
    /// Functions host lets an app's settings override its host.json (tests shorten the queues' timings so).
    /// </summary>
    private static HostSettings ReadHost(string file, AppSettings settings)
    {
        using (Parse(file))
        {
            // Only to fail with the file's name and the JSON error, before the configuration reads it.
        }

        var host = new ConfigurationBuilder()
            .AddJsonFile(file, optional: false, reloadOnChange: false)
            .AddInMemoryCollection(settings.Values
                .Where(v => v.Key.StartsWith(HostOverridePrefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new KeyValuePair<string, string?>(v.Key[HostOverridePrefix.Length..].Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        var routePrefix = host["extensions:http:routePrefix"] ?? "api";
        var functionTimeout = TimeSpan.TryParse(host["functionTimeout"], CultureInfo.InvariantCulture, out var timeout) ? timeout : TimeSpan.FromMinutes(30);
        return new HostSettings(routePrefix.Trim('/'), functionTimeout, ReadQueues(host.GetSection("extensions:queues")));
    }

    private static QueueSettings ReadQueues(IConfigurationSection queues)
    {
        var defaults = QueueSettings.Defaults;
        TimeSpan Time(string key, TimeSpan fallback) =>
            TimeSpan.TryParse(queues[key], CultureInfo.InvariantCulture, out var t) ? t : fallback;
        int Number(string key, int fallback) =>
            int.TryParse(queues[key], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        var batchSize = Number("batchSize", defaults.BatchSize);
        // 0 is a threshold of its own: each batch runs to its end before the next is fetched.
        var newBatchThreshold = int.TryParse(queues["newBatchThreshold"], CultureInfo.InvariantCulture, out var threshold) && threshold >= 0
            ? threshold
            : QueueSettings.DefaultNewBatchThreshold(batchSize);
        return new QueueSettings(
            Time("maxPollingInterval", defaults.MaxPollingInterval),
            Time("visibilityTimeout", defaults.VisibilityTimeout),
            batchSize,
            Number("maxDequeueCount", defaults.MaxDequeueCount),
            !string.Equals(queues["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase),
            newBatchThreshold);
    }

    private static AppSettings LoadSettings(string root, string? settingsFile)
    {
        var file = settingsFile ?? SettingsFiles
            .Select(name => Path.Combine(root, name))
            .FirstOrDefault(File.Exists);
        if (file is null)
        {
            return new AppSettings(new Dictionary<string, string>());
        }

        using var document = Parse(file);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var valuesElement) && valuesElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in valuesElement.EnumerateObject())
            {
                values[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
            }
        }

        // The Host section is the platform's part, as Core Tools read it: CORS is answered before any key is checked.
        var cors = Find(document.RootElement, "Host", "CORS")?.GetString() ?? "";
        return new AppSettings(values)
        {
            CorsOrigins = [.. cors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
    }

    private static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FunctionAppException($"{file} is not valid JSON: {ex.Message}");
        }
    }
}
