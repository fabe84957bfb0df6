using System.Collections.Concurrent;
using System.Text.Json;

namespace TestWorker;

/// <summary>What each function was invoked with, for the tests to read back through the dev host.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> _recorded = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string function, object what) => _recorded.GetOrAdd(function, _ => new()).Enqueue(JsonSerializer.SerializeToElement(what));

    public JsonElement[] Of(string function) => _recorded.TryGetValue(function, out var items) ? [.. items] : [];
}
