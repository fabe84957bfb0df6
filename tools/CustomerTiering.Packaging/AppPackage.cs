using System.Text.Json;

namespace CustomerTiering.Packaging;

/// <summary>What an app root must hold for Azure Functions to run it as a .NET isolated worker app.</summary>
public static class AppPackage
{
    public static IReadOnlyList<string> Check(string root)
    {
        var problems = new List<string>();
        foreach (var required in new[] { "host.json", "functions.metadata", "worker.config.json" })
        {
            if (!File.Exists(Path.Combine(root, required)))
            {
                problems.Add($"{required} is missing");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "worker.config.json")));
        var workerPath = worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString()!;
        if (!File.Exists(Path.Combine(root, workerPath)))
        {
            problems.Add($"the worker {workerPath} named by worker.config.json is missing");
        }

        if (!Directory.Exists(Path.Combine(root, ".azurefunctions")))
        {
            problems.Add("the .azurefunctions folder the worker SDK writes (the host's extensions) is missing");
        }

        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "functions.metadata")));
        if (metadata.RootElement.GetArrayLength() == 0)
        {
            problems.Add("functions.metadata lists no function");
        }

        foreach (var secret in new[] { "local.settings.json", "local.settings.sample.json" })
        {
            if (File.Exists(Path.Combine(root, secret)))
            {
                problems.Add($"{secret} must not be deployed");
            }
        }

        return problems;
    }
}
