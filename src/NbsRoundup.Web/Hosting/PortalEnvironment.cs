namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Which environment the portal runs in. `dotnet run` applies its launch profile's variables over the
/// shell's, so a profile that set ASPNETCORE_ENVIRONMENT made `ASPNETCORE_ENVIRONMENT=Production
/// dotnet run` run Development. The profile names its environment in NBS_LAUNCH_ENVIRONMENT instead,
/// which counts only when neither ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT nor `--environment`
/// names one.
/// </summary>
public static class PortalEnvironment
{
    public const string LaunchVariable = "NBS_LAUNCH_ENVIRONMENT";

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        EnvironmentName = IsNamed(args) ? null : Environment.GetEnvironmentVariable(LaunchVariable),
    };

    private static bool IsNamed(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
}
