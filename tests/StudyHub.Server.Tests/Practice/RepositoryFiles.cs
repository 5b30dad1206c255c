namespace StudyHub.Server.Tests.Practice;

/// <summary>Finds files of the repository (docs, scripts) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StudyHub.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find StudyHub.slnx above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string relative) => Path.Combine(Root(), relative);
}
