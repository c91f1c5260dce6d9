namespace EdiGateway.Tests.Support;

/// <summary>The repository checkout the tests run from (the folder holding EdiGateway.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EdiGateway.sln not found above " + AppContext.BaseDirectory);
    }
}
