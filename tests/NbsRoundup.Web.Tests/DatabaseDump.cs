using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests;

/// <summary>Every row of every table, as text: equal dumps mean an unchanged database.</summary>
public static class DatabaseDump
{
    public static string Of(PortalFactory portal) => TestEngine.Dump(portal.ConnectionString);

    public static string Of(string connectionString) => TestEngine.Dump(connectionString);
}
