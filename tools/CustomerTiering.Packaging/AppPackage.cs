using System.Text.Json;

namespace CustomerTiering.Packaging;

/// <summary>What an app root must hold for Azure Functions to run it as a custom handler.</summary>
public static class AppPackage
{
    public static IReadOnlyList<string> Check(string root)
    {
        var problems = new List<string>();
        var hostFile = Path.Combine(root, "host.json");
        if (!File.Exists(hostFile))
        {
            return [$"{root} has no host.json"];
        }

        using var host = JsonDocument.Parse(File.ReadAllText(hostFile));
        var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var handler = Path.Combine(root, executable);
        if (!File.Exists(handler))
        {
            problems.Add($"the handler {executable} named by host.json is missing");
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(handler) & UnixFileMode.UserExecute) == 0)
        {
            problems.Add($"the handler {executable} is not executable");
        }

        if (!Directory.EnumerateDirectories(root).Any(d => File.Exists(Path.Combine(d, "function.json"))))
        {
            problems.Add("there is no function folder (a folder with a function.json)");
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
