namespace CustomerTiering.Testing;

/// <summary>Where things are in the repository, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A project's build output: artifacts/bin/&lt;Project&gt;/&lt;configuration&gt;/.</summary>
    public static string BuildOutput(string project)
    {
        // Tests run from artifacts/bin/<TestProject>/<configuration>/: the sibling has the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var folder = Path.Combine(Root, "artifacts", "bin", project, configuration);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"{folder} does not exist: build the solution first (scripts/test.sh does).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
