namespace NbsRoundup.Web.Commands;

/// <summary>
/// `dotnet run --project src/NbsRoundup.Web` starts the program in the project's folder,
/// but a path typed on the command line means the folder the user typed it in, which
/// the shell passes down as PWD.
/// </summary>
public static class CommandPaths
{
    public static string UserDirectory =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd)
            ? pwd
            : Directory.GetCurrentDirectory();

    /// <summary>An existing file or folder the user named, looked up from their folder first.</summary>
    public static string ResolveExisting(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        foreach (var root in new[] { UserDirectory, Directory.GetCurrentDirectory() })
        {
            var candidate = Path.GetFullPath(path, root);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.GetFullPath(path, UserDirectory);
    }

    /// <summary>A file to be written, relative to the user's folder.</summary>
    public static string ResolveOutput(string path) => Path.GetFullPath(path, UserDirectory);

    /// <summary>A path as the user would recognise it: relative to their folder when inside it.</summary>
    public static string DisplayName(string path)
    {
        var relative = Path.GetRelativePath(UserDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
