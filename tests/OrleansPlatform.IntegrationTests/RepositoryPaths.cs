namespace OrleansPlatform.IntegrationTests;

/// <summary>Locations in the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding OrleansPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration these tests were built in, and so the servers too.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Path of a built server assembly, e.g. <c>OrleansPlatform.Silo</c>.</summary>
    public static string ServerAssembly(string project)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrleansPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
