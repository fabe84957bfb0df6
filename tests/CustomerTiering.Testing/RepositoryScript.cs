using System.Diagnostics;

namespace CustomerTiering.Testing;

/// <summary>Runs one of the repository's scripts/ as a user would, failing with its output when it fails.</summary>
public static class RepositoryScript
{
    public static async Task RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{script} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
